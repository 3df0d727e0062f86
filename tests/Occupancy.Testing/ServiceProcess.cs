using System.Diagnostics;

namespace Occupancy.Testing;

/// <summary>
/// One started service process: environment, captured output tail, readiness wait, stop by PID.
/// influxd and mosquitto share this so each only says how it is configured and probed.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly OutputTail _tail = new(capacity: 80);

    private ServiceProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines of stdout and stderr, interleaved as they arrived.</summary>
    public string Tail => _tail.ToString();

    public static ServiceProcess Start(
        string name,
        string executable,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        var process = new Process { StartInfo = startInfo };
        var service = new ServiceProcess(name, process);
        process.OutputDataReceived += (_, e) => service.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => service.Capture(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>
    /// Polls <paramref name="probe"/> until it succeeds while the process is still alive: a leftover
    /// instance on the same port could answer the probe while this one died on "address in use".
    /// </summary>
    public async Task WaitUntilReadyAsync(
        Func<CancellationToken, Task<bool>> probe,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? lastProbeError = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                // Also drains the output pipes, so the tail holds the process's last words.
                await WaitForExitAsync();
                throw new ServiceStartException(
                    $"{Name} (pid {Id}) exited with code {_process.ExitCode} before it was ready. Last output:{Environment.NewLine}{Tail}",
                    lastProbeError);
            }

            try
            {
                if (await probe(cancellationToken) && !_process.HasExited)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                lastProbeError = ex;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new ServiceStartException(
                    $"{Name} (pid {Id}) was not ready within {timeout.TotalSeconds:0} s. Last output:{Environment.NewLine}{Tail}",
                    lastProbeError);
            }

            await Task.Delay(ProbeInterval, cancellationToken);
        }
    }

    /// <summary>Asks the process to stop (SIGTERM), then kills the whole tree if it is still there after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            await WaitForExitAsync();
            return;
        }

        Signals.Terminate(Id);

        using var graceTimeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(graceTimeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Did not stop in time: fall through to the kill.
        }

        await KillAsync();
    }

    /// <summary>Kills the process and its children at once, as a crash or power cut would.</summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        await WaitForExitAsync();
    }

    /// <summary>Waits for a short-lived tool to finish and returns its exit code (output fully captured).</summary>
    public async Task<int> WaitForExitCodeAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(ExitWait);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException($"{Name} (pid {Id}) did not exit within {ExitWait.TotalSeconds:0} s after being killed.");
        }
    }

    private void Capture(string? line)
    {
        if (line is not null)
        {
            _tail.Add(line);
        }
    }
}
