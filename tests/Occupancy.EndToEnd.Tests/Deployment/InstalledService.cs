using System.Diagnostics;
using System.Text;
using Occupancy.Testing;

namespace Occupancy.EndToEnd.Tests.Deployment;

/// <summary>
/// A service started the way systemd starts its unit, in a folder that stands in for the machine's root: the unit's
/// <c>ExecStart</c> (pointing at this build's binary instead of /opt/occupancy), its <c>Environment=</c> lines and
/// environment file, and its <c>WorkingDirectory</c>, with every absolute path of the unit placed under that folder.
/// </summary>
internal sealed class InstalledService : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private InstalledService(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The build output of a project's executable, in the configuration these tests were built in.</summary>
    public static string BuiltExecutable(string projectFolder, string name)
    {
        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/{Configuration}/net10.0/
        return Path.Combine(RepositoryRoot.Path, projectFolder, name, "bin", configuration, "net10.0", name);
    }

    public static InstalledService Start(ServiceUnit unit, string executable, string root, IReadOnlyDictionary<string, string> environmentFile)
    {
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Under(root, unit["WorkingDirectory"]),
        };
        Directory.CreateDirectory(start.WorkingDirectory); // systemd creates the StateDirectory this is
        foreach (var (key, value) in unit.Environment().Concat(environmentFile))
        {
            start.Environment[key] = value.StartsWith('/') ? Under(root, value) : value;
        }

        var process = new Process { StartInfo = start };
        var service = new InstalledService(process);
        process.OutputDataReceived += (_, e) => service.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => service.Capture(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Waits until <paramref name="ready"/>; on timeout the failure carries what the service printed.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> ready, TimeSpan timeout, string because)
    {
        try
        {
            await Eventually.Until(ready, timeout, because);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}{Environment.NewLine}{Output}", ex);
        }
    }

    /// <summary>An absolute path of the unit, inside the stand-in root.</summary>
    public static string Under(string root, string absolutePath) => Path.Combine(root, absolutePath.TrimStart('/'));

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
            await _process.WaitForExitAsync(wait.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Capture(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
