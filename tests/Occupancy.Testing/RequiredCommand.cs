namespace Occupancy.Testing;

/// <summary>Finds an installed program on PATH (and the sbin folders, where Debian puts daemons).</summary>
public static class RequiredCommand
{
    // Daemons such as mosquitto live in /usr/sbin, which is not on every user's PATH.
    private static readonly string[] ExtraFolders = ["/usr/local/sbin", "/usr/sbin", "/sbin"];

    /// <summary>The full path of <paramref name="command"/>, or a <see cref="MissingServiceException"/>
    /// naming the Debian package that provides it.</summary>
    public static string Locate(string command, string debianPackage)
    {
        if (Path.IsPathRooted(command))
        {
            return IsExecutable(command) ? command : throw Missing(command, debianPackage);
        }

        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(ExtraFolders);
        foreach (var folder in folders)
        {
            var candidate = Path.Combine(folder, command);
            if (IsExecutable(candidate))
            {
                return candidate;
            }
        }

        throw Missing(command, debianPackage);
    }

    private static bool IsExecutable(string path) =>
        File.Exists(path)
        && (OperatingSystem.IsWindows()
            || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);

    private static MissingServiceException Missing(string command, string debianPackage) =>
        new($"{command} not found: install it with 'apt-get install -y {debianPackage}' (or run ./occupancy test, which installs it)");
}
