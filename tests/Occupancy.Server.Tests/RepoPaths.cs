namespace Occupancy.Server.Tests;

/// <summary>Files of the repository the tests read (the demo network, the dashboard sources).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string DemoNetwork => Path.Combine(Root, "scripts", "demo", "network.json");

    public static string DashboardSource(string fileName) => Path.Combine(Root, "dashboard", "src", fileName);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Occupancy.sln")) || Directory.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root (Occupancy.sln or .git) above {AppContext.BaseDirectory}.");
    }
}
