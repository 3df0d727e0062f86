using System.Diagnostics;
using Occupancy.Testing;

namespace Occupancy.Bench.TapToUnlock;

/// <summary>The edge's own build output run with <c>dotnet</c> as its own process, with its production defaults.</summary>
internal sealed class EdgeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private readonly HttpClient _http;

    private EdgeProcess(Process process, int httpPort)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>The edge's Prometheus text: its own view of where the time went.</summary>
    public Task<string> MetricsAsync() => _http.GetStringAsync("metrics");

    public static async Task<EdgeProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        int httpPort = FreeTcpPort.Next();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(EdgeDll());
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.ArgumentList.Add($"--Edge:HttpPort={httpPort}");
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Echo(e.Data);
        process.ErrorDataReceived += (_, e) => Echo(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var edge = new EdgeProcess(process, httpPort);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.Until(
            async () => !process.HasExited && (await http.GetAsync($"http://127.0.0.1:{httpPort}/healthz")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60),
            "the edge answers /healthz");
        return edge;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Echo(string? line)
    {
        if (line is not null)
        {
            Console.Error.WriteLine($"  edge | {line}");
        }
    }

    private static string EdgeDll()
    {
        // bench/Occupancy.Bench.TapToUnlock/bin/{Configuration}/net10.0/ → edge/Occupancy.Edge/bin/{Configuration}/net10.0/
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        string configuration = here.Parent!.Name;
        string root = Path.GetFullPath(Path.Combine(here.FullName, "..", "..", "..", "..", ".."));
        string dll = Path.Combine(root, "edge", "Occupancy.Edge", "bin", configuration, "net10.0", "Occupancy.Edge.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"the edge is not built ({configuration})", dll);
    }
}
