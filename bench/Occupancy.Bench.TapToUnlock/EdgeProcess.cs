using Occupancy.Testing;

namespace Occupancy.Bench.TapToUnlock;

/// <summary>The edge's own build output run with <c>dotnet</c> as its own process, with its production defaults.</summary>
internal sealed class EdgeProcess : IAsyncDisposable
{
    private readonly DotnetProcess _process;

    private readonly HttpClient _http;

    private EdgeProcess(DotnetProcess process, int httpPort)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>The edge's Prometheus text: its own view of where the time went.</summary>
    public Task<string> MetricsAsync() => _http.GetStringAsync("metrics");

    public static async Task<EdgeProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        int httpPort = FreeTcpPort.Next();
        var process = DotnetProcess.Start(BuildOutput.EdgeDll(), EdgeArguments.From(settings, httpPort), "  edge | ");
        var edge = new EdgeProcess(process, httpPort);
        await process.WaitUntilHealthyAsync(new Uri($"http://127.0.0.1:{httpPort}/healthz"), TimeSpan.FromSeconds(60), "the edge answers /healthz");
        return edge;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }
}
