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

    /// <summary>Waits until /readyz answers 200 (in external mode: subscribed to the broker).</summary>
    public async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await _http.GetAsync("readyz");
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the edge is not ready: {await response.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(200);
        }
    }

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
