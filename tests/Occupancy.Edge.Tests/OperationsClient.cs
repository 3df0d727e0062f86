using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Occupancy.Edge.Tests;

/// <summary>Reads the edge's operations endpoint as an orchestrator and Prometheus would.</summary>
internal sealed class OperationsClient(int port) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };

    public async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync()
    {
        using var response = await _http.GetAsync("readyz");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }

    public async Task<string> CheckStatusAsync(string check) =>
        (await ReadyAsync()).Body.GetProperty("checks").GetProperty(check).GetProperty("status").GetString()!;

    public async Task<JsonElement> JsonAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    public Task<string> MetricsTextAsync() => _http.GetStringAsync("metrics");

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    /// <summary>The value of a Prometheus sample whose name starts with <paramref name="metric"/> and that has every label given; 0 when absent.</summary>
    public async Task<double> MetricAsync(string metric, params string[] labels)
    {
        string text = await _http.GetStringAsync("metrics");
        foreach (string line in text.Split('\n'))
        {
            if (line.StartsWith(metric + "{", StringComparison.Ordinal) && labels.All(label => line.Contains(label, StringComparison.Ordinal)))
            {
                return double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    public void Dispose() => _http.Dispose();
}
