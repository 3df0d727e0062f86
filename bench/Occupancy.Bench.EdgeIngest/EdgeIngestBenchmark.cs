using System.Diagnostics;
using System.Text.Json;
using Occupancy.Edge.Devices;
using Occupancy.Testing;
using Occupancy.Uplink;

namespace Occupancy.Bench.EdgeIngest;

/// <summary>
/// The edge as its own process with its production defaults (embedded broker, fsync'd outbox,
/// gzip batches to a real influxd): from the first publish until InfluxDB has accepted every point.
/// </summary>
internal static class EdgeIngestBenchmark
{
    private const string Database = "bench";

    public static async Task<(List<RoundResult> Rounds, double RecordsPerFsync)> RunAsync(BenchOptions options)
    {
        await using var influx = await InfluxdServer.StartAsync();
        string data = Directory.CreateTempSubdirectory("occupancy-bench-edge-").FullName;
        try
        {
            PrepareSite(data, options.Devices);
            int mqttPort = FreeTcpPort.Next();
            await using var edge = await EdgeRunner.StartAsync(new Dictionary<string, string>
            {
                ["Edge:SiteId"] = DeviceFleet.SiteId,
                ["Edge:DataDirectory"] = data,
                ["Mqtt:Port"] = mqttPort.ToString(),
                ["Influx:Url"] = influx.BaseUri.ToString(),
                ["Influx:Database"] = Database,
                ["Uplink:ServerUrl"] = "http://127.0.0.1:9",
                ["Uplink:SiteKey"] = "bench",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            await using var fleet = await DeviceFleet.ConnectAsync(mqttPort, options.Devices, withSecrets: true);
            var cpu = new CpuClock(new Dictionary<string, int> { ["edge"] = edge.ProcessId, ["influxd"] = influx.ProcessId, ["bench clients"] = Environment.ProcessId });
            long total = 0;

            async Task<RoundResult> RoundAsync(int messages)
            {
                total += messages;
                cpu.Start();
                var clock = Stopwatch.StartNew();
                var acknowledged = await fleet.PublishAsync(messages / options.Devices);
                await edge.WaitUntilWrittenAsync(total, TimeSpan.FromMinutes(5));
                var endToEnd = clock.Elapsed;
                return new RoundResult("edge (publish → InfluxDB point)", messages, acknowledged, endToEnd, cpu.Stop());
            }

            await RoundAsync(options.Warmup);
            var results = new List<RoundResult>();
            for (int round = 0; round < options.Rounds; round++)
            {
                results.Add(await RoundAsync(options.Messages));
            }

            long stored = await CountAsync(influx);
            if (stored != total)
            {
                throw new InvalidOperationException($"InfluxDB holds {stored} desk_state points, {total} were acknowledged");
            }

            return (results, await edge.RecordsPerFsyncAsync());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static void PrepareSite(string data, int devices)
    {
        var desks = Enumerable.Range(0, devices).Select(i => new DeskConfig($"desk-{i + 1}", "floor-1", "open", DeviceFleet.DeviceId(i))).ToArray();
        var site = new SiteConfig(DeviceFleet.SiteId, "Benchmark site", 1, desks, []);
        File.WriteAllText(Path.Combine(data, "site-config.json"), JsonSerializer.Serialize(site));
        var registry = new DeviceRegistry(data);
        foreach (var desk in desks)
        {
            registry.Provision(desk.DeviceId, DeviceFleet.SecretOf(desk.DeviceId));
        }
    }

    private static async Task<long> CountAsync(InfluxdServer influx)
    {
        var rows = await influx.QueryRowsAsync(Database, "SELECT COUNT(\"state\") FROM desk_state");
        return rows.Count == 0 ? 0 : rows[0]["count"].GetInt64();
    }
}
