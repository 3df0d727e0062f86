using System.Diagnostics;
using System.Globalization;
using Occupancy.Testing;

namespace Occupancy.Bench.Common;

/// <summary>
/// A project's build output run with <c>dotnet</c> as its own process (so its CPU and memory are its own), its
/// output echoed to stderr with a prefix, killed with its children on dispose.
/// </summary>
public sealed class DotnetProcess : IAsyncDisposable
{
    private readonly Process _process;

    private DotnetProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>
    /// Starts <paramref name="dll"/> with <paramref name="arguments"/> and extra <paramref name="environment"/>;
    /// stderr (and stdout when <paramref name="echoOutput"/>) is echoed prefixed with <paramref name="echoPrefix"/>.
    /// </summary>
    public static DotnetProcess Start(
        string dll,
        IEnumerable<string> arguments,
        string echoPrefix,
        IReadOnlyDictionary<string, string>? environment = null,
        bool echoOutput = true)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
        process.OutputDataReceived += (_, e) =>
        {
            if (echoOutput)
            {
                Echo(echoPrefix, e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) => Echo(echoPrefix, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new DotnetProcess(process);
    }

    /// <summary>Throws when the process has gone: a benchmark must not wait for a process that crashed.</summary>
    public void ThrowIfExited()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"the process exited with code {_process.ExitCode}");
        }
    }

    /// <summary>Waits until <paramref name="url"/> answers with a success status, failing at once if the process exits.</summary>
    public async Task WaitUntilHealthyAsync(Uri url, TimeSpan timeout, string because)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.Until(
            async () =>
            {
                ThrowIfExited();
                return (await http.GetAsync(url)).IsSuccessStatusCode;
            },
            timeout,
            because);
        ThrowIfExited();
    }

    /// <summary>Resident memory of the process, from /proc (MiB).</summary>
    public double ResidentMiB()
    {
        var line = File.ReadLines($"/proc/{Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null
            ? double.NaN
            : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>CPU time the process has used so far (user + system).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
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

    private static void Echo(string prefix, string? line)
    {
        if (line is not null)
        {
            Console.Error.WriteLine($"{prefix}{line}");
        }
    }
}
