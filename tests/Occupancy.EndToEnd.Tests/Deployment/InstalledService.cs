using Occupancy.Testing;

namespace Occupancy.EndToEnd.Tests.Deployment;

/// <summary>
/// A service started the way systemd starts its unit, in a folder that stands in for the machine's root: the unit's
/// <c>ExecStart</c> (pointing at this build's binary instead of /opt/occupancy), its <c>Environment=</c> lines and
/// environment file, and its <c>WorkingDirectory</c>, with every absolute path of the unit placed under that folder.
/// </summary>
internal sealed class InstalledService : IAsyncDisposable
{
    private readonly ServiceProcess _process;

    private InstalledService(ServiceProcess process) => _process = process;

    /// <summary>The last lines the service printed.</summary>
    public string Output => _process.Tail;

    /// <summary>The build output of a project's executable, in the configuration these tests were built in.</summary>
    public static string BuiltExecutable(string projectFolder, string name)
    {
        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/{Configuration}/net10.0/
        return Path.Combine(RepositoryRoot.Path, projectFolder, name, "bin", configuration, "net10.0", name);
    }

    public static InstalledService Start(ServiceUnit unit, string executable, string root, IReadOnlyDictionary<string, string> environmentFile)
    {
        string workingDirectory = Under(root, unit["WorkingDirectory"]);
        Directory.CreateDirectory(workingDirectory); // systemd creates the StateDirectory this is

        // EnvironmentFile= comes after Environment=: its settings win, as with systemd.
        var environment = new Dictionary<string, string>();
        foreach (var (key, value) in unit.Environment().Concat(environmentFile))
        {
            environment[key] = value.StartsWith('/') ? Under(root, value) : value;
        }

        return new InstalledService(ServiceProcess.Start(Path.GetFileName(unit.Path), executable, [], environment, workingDirectory));
    }

    /// <summary>An absolute path of the unit, inside the stand-in root.</summary>
    public static string Under(string root, string absolutePath) => Path.Combine(root, absolutePath.TrimStart('/'));

    /// <summary>Waits until <paramref name="ready"/>, failing at once with the service's output if it exits first.</summary>
    public Task WaitUntilAsync(Func<Task<bool>> ready, TimeSpan timeout) =>
        _process.WaitUntilReadyAsync(_ => ready(), timeout, CancellationToken.None);

    /// <summary><c>systemctl stop</c>: SIGTERM, then the exit code, or null when it was still running after <paramref name="timeout"/>.</summary>
    public Task<int?> StopAsync(TimeSpan timeout)
    {
        Signals.Terminate(_process.Id);
        return ExitCodeAsync(timeout);
    }

    /// <summary>The exit code, or null when the service was still running after <paramref name="timeout"/>.</summary>
    public async Task<int?> ExitCodeAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            return await _process.WaitForExitCodeAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
