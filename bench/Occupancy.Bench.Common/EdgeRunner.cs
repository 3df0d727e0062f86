using System.Globalization;
using System.Text.Json;
using Occupancy.Testing;

namespace Occupancy.Bench.Common;

/// <summary>The edge's own build output run with <c>dotnet</c>, watched through its operations endpoint.</summary>
public sealed class EdgeRunner : IAsyncDisposable
{
    private readonly DotnetProcess _process;
    private readonly HttpClient _http;

    private EdgeRunner(DotnetProcess process, int httpPort)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int ProcessId => _process.Id;

    public static async Task<EdgeRunner> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        int httpPort = FreeTcpPort.Next();
        var process = DotnetProcess.Start(BuildOutput.EdgeDll(), EdgeArguments.From(settings, httpPort), "  edge | ");
        var edge = new EdgeRunner(process, httpPort);
        await Eventually.Until(async () => await edge.CheckAsync("broker") == "healthy", TimeSpan.FromSeconds(60), "the edge's broker is ready");
        return edge;
    }

    /// <summary>Waits until the outbox holds <paramref name="records"/> records and the InfluxDB writer has shipped them all.</summary>
    public Task WaitUntilWrittenAsync(long records, TimeSpan timeout) =>
        Eventually.Until(
            async () =>
            {
                var outbox = await ReadyAsync("outbox");
                var data = outbox.GetProperty("data");
                return data.GetProperty("durableLsn").GetInt64() >= records && data.GetProperty("behind.influx").GetInt64() == 0;
            },
            timeout,
            $"the edge wrote {records} records to InfluxDB");

    /// <summary>The outbox's last durable record and how many records the InfluxDB writer has still to ship.</summary>
    public async Task<(long DurableLsn, long BehindInflux)> OutboxAsync()
    {
        var data = (await ReadyAsync("outbox")).GetProperty("data");
        return (data.GetProperty("durableLsn").GetInt64(), data.GetProperty("behind.influx").GetInt64());
    }

    /// <summary>How many durable records the named outbox consumer (influx, uplink, audit) has still to ship.</summary>
    public async Task<long> BehindAsync(string consumer) =>
        (await ReadyAsync("outbox")).GetProperty("data").GetProperty($"behind.{consumer}").GetInt64();

    /// <summary>Waits until the named readiness check (broker, outbox, influxdb, server-link) is healthy.</summary>
    public Task WaitUntilHealthyAsync(string check, TimeSpan timeout) =>
        Eventually.Until(async () => await CheckAsync(check) == "healthy", timeout, $"the edge's {check} check is healthy");

    /// <summary>The edge's desk counts now (<c>GET /occupancy</c>): free, occupied and unknown per floor.</summary>
    public async Task<IReadOnlyDictionary<string, (int Free, int Occupied, int Unknown)>> FloorCountsAsync()
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync("occupancy"));
        return json.RootElement.GetProperty("floors").EnumerateArray().ToDictionary(f => f.GetProperty("floorId").GetString()!, f => Counts(f.GetProperty("desks")));

        static (int, int, int) Counts(JsonElement desks) =>
            (desks.GetProperty("free").GetInt32(), desks.GetProperty("occupied").GetInt32(), desks.GetProperty("unknown").GetInt32());
    }

    /// <summary>Average outbox records per fsync, from the edge's own histogram: what group commit shares.</summary>
    public async Task<double> RecordsPerFsyncAsync()
    {
        string metrics = await _http.GetStringAsync("metrics");
        double Sample(string name) => metrics.Split('\n')
            .Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
            .Select(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture))
            .FirstOrDefault();
        double count = Sample("occupancy_edge_outbox_commit_records_count");
        return count == 0 ? 0 : Sample("occupancy_edge_outbox_commit_records_sum") / count;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }

    private async Task<string?> CheckAsync(string check) =>
        (await ReadyAsync(check)).GetProperty("status").GetString();

    private async Task<JsonElement> ReadyAsync(string check)
    {
        _process.ThrowIfExited();
        using var json = JsonDocument.Parse(await _http.GetStringAsync("readyz"));
        return json.RootElement.GetProperty("checks").GetProperty(check).Clone();
    }
}
