namespace Occupancy.Testing;

/// <summary>Builds mosquitto password file contents with the real <c>mosquitto_passwd</c>, so the hash format is the broker's own.</summary>
public static class MosquittoPasswordFile
{
    public static async Task<string> CreateAsync(
        IReadOnlyDictionary<string, string> usersAndPasswords,
        CancellationToken cancellationToken = default)
    {
        if (usersAndPasswords.Count == 0)
        {
            throw new ArgumentException("At least one user is needed.", nameof(usersAndPasswords));
        }

        var executable = RequiredCommand.Locate("mosquitto_passwd", "mosquitto");
        var folder = Directory.CreateTempSubdirectory("occupancy-mosquitto-passwd-").FullName;
        try
        {
            var file = Path.Combine(folder, "passwd");
            var create = true;
            foreach (var (user, password) in usersAndPasswords)
            {
                string[] arguments = create ? ["-b", "-c", file, user, password] : ["-b", file, user, password];
                create = false;
                await using var process = ServiceProcess.Start("mosquitto_passwd", executable, arguments, workingDirectory: folder);
                var exitCode = await process.WaitForExitCodeAsync(cancellationToken);
                if (exitCode != 0)
                {
                    throw new InvalidOperationException($"mosquitto_passwd exited with code {exitCode}: {process.Tail}");
                }
            }

            return await File.ReadAllTextAsync(file, cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Same as <see cref="CreateAsync(IReadOnlyDictionary{string, string}, CancellationToken)"/> for one user.</summary>
    public static Task<string> CreateAsync(string user, string password, CancellationToken cancellationToken = default) =>
        CreateAsync(new Dictionary<string, string> { [user] = password }, cancellationToken);
}
