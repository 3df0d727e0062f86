namespace Occupancy.EndToEnd.Tests;

internal static class RepositoryRoot
{
    /// <summary>The checkout's root, found by walking up from the test binaries to Occupancy.sln.</summary>
    public static string Path { get; } = Find();

    public static string DemoNetworkFile => System.IO.Path.Combine(Path, "scripts", "demo", "network.json");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Occupancy.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Occupancy.sln not found above " + AppContext.BaseDirectory);
    }
}
