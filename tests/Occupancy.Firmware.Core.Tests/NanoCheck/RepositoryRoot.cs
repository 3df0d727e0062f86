namespace Occupancy.Firmware.Core.Tests.NanoCheck;

/// <summary>The checkout the tests run from, found by walking up to the folder with <c>.git</c>.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            // .git is a folder in a clone and a file in a worktree.
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No .git above {AppContext.BaseDirectory}: the tests must run inside the repository.");
    }
}
