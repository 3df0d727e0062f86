using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Occupancy.Edge;
using Occupancy.Edge.Devices;
using Occupancy.Firmware.Simulator;
using Occupancy.Testing;
using Occupancy.Uplink;

namespace Occupancy.Bench.Simulator;

/// <summary>
/// The edge under load, started in-process as the tests do: embedded broker on a free port, the
/// made-up site's configuration cached in its data folder, every device provisioned with a secret,
/// a real influxd behind it and a server address nobody answers (the uplink queues).
/// </summary>
internal sealed class BenchEdge : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly InfluxdServer _influx;
    private readonly string _data;

    private BenchEdge(IHost host, InfluxdServer influx, string data, int port)
    {
        _host = host;
        _influx = influx;
        _data = data;
        MqttPort = port;
    }

    public int MqttPort { get; }

    public static async Task<BenchEdge> StartAsync(SiteDevices site, string secret)
    {
        var influx = await InfluxdServer.StartAsync();
        var data = Directory.CreateTempSubdirectory("occupancy-bench-edge-").FullName;
        var config = new SiteConfig(
            site.SiteId,
            "Benchmark site",
            1,
            site.DeskDeviceIds.Select((id, i) => new DeskConfig($"desk-{i + 1:D4}", $"floor-{(i / 100) + 1}", i % 3 == 0 ? "quiet" : "team", id)).ToArray(),
            site.DoorDeviceIds.Select((id, i) => new DoorConfig($"door-{i + 1:D2}", id)).ToArray());
        File.WriteAllText(Path.Combine(data, "site-config.json"), JsonSerializer.Serialize(config));
        var registry = new DeviceRegistry(data);
        foreach (var id in site.DeskDeviceIds.Concat(site.DoorDeviceIds))
        {
            registry.Provision(id, secret);
        }

        int port = FreeTcpPort.Next();
        var host = EdgeApplication.Build([], new Dictionary<string, string?>
        {
            ["Edge:SiteId"] = site.SiteId,
            ["Edge:DataDirectory"] = data,
            ["Mqtt:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Influx:Url"] = influx.BaseUri.ToString(),
            ["Influx:Database"] = "bench",
            ["Uplink:ServerUrl"] = "http://127.0.0.1:9",
            ["Uplink:SiteKey"] = "bench-key",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await host.StartAsync();
        return new BenchEdge(host, influx, data, port);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _influx.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by the stopped host: the temp folder is cleaned later.
        }
    }
}
