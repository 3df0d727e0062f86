using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Occupancy.Testing;

namespace Occupancy.Edge.Tests;

/// <summary>
/// A real edge started in-process: embedded broker on a free loopback port, the test site's
/// configuration already cached on disk (as after an earlier run), and the given InfluxDB
/// and server addresses.
/// </summary>
internal sealed class TestEdge : IAsyncDisposable
{
    private TestEdge(IHost host, int mqttPort, string dataDirectory)
    {
        Host = host;
        MqttPort = mqttPort;
        DataDirectory = dataDirectory;
    }

    public IHost Host { get; }

    public int MqttPort { get; }

    public string DataDirectory { get; }

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    public static async Task<TestEdge> StartAsync(
        string influxUrl,
        string serverUrl = "http://127.0.0.1:9",
        bool createDatabase = true,
        global::Occupancy.Uplink.SiteConfig? site = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        site ??= TestSite.Config;
        var data = Directory.CreateTempSubdirectory("occupancy-edge-").FullName;
        File.WriteAllText(Path.Combine(data, "site-config.json"), JsonSerializer.Serialize(site));
        var registry = new global::Occupancy.Edge.Devices.DeviceRegistry(data);
        foreach (var deviceId in site.Desks.Select(d => d.DeviceId).Concat(site.Doors.Select(d => d.DeviceId)))
        {
            registry.Provision(deviceId, TestSite.SecretOf(deviceId));
        }

        int port = FreeTcpPort.Next();
        var configuration = new Dictionary<string, string?>
        {
            ["Edge:SiteId"] = TestSite.SiteId,
            ["Edge:DataDirectory"] = data,
            ["Mqtt:Port"] = port.ToString(),
            ["Influx:Url"] = influxUrl,
            ["Influx:Database"] = "edge_tests",
            ["Influx:CreateDatabase"] = createDatabase.ToString(),
            ["Influx:FlushInterval"] = "00:00:00.100",
            ["Uplink:ServerUrl"] = serverUrl,
            ["Uplink:SiteKey"] = "test-key",
            ["Edge:HttpPort"] = "0", // many test edges run at once: no operations endpoint unless a test asks for one
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var host = EdgeApplication.Build([], configuration);
        await host.StartAsync();
        return new TestEdge(host, port, data);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
