namespace Occupancy.Fuzz.Tests;

internal static class FuzzFolders
{
    public static string Repository { get; } = FindRepository();

    public static string Project => Path.Combine(Repository, "tests", "Occupancy.Fuzz");

    public static string Corpus => Path.Combine(Project, "corpus");

    public static string Regressions => Path.Combine(Project, "regressions");

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Occupancy.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Occupancy.sln not found above " + AppContext.BaseDirectory);
    }
}
