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
    private readonly bool _ownsDataDirectory;

    private TestEdge(IHost host, int mqttPort, string dataDirectory, bool ownsDataDirectory)
    {
        Host = host;
        MqttPort = mqttPort;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
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
        IReadOnlyDictionary<string, string?>? settings = null,
        string? dataDirectory = null)
    {
        site ??= TestSite.Config;

        // The port is free when picked, but test processes run side by side and another may bind it
        // before this edge does; a fresh port (and folder) is then the honest retry.
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(influxUrl, serverUrl, createDatabase, site, settings, dataDirectory);
            }
            catch (Exception e) when (attempt < 5 && IsAddressInUse(e))
            {
            }
        }
    }

    private static bool IsAddressInUse(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<TestEdge> StartOnceAsync(
        string influxUrl,
        string serverUrl,
        bool createDatabase,
        global::Occupancy.Uplink.SiteConfig site,
        IReadOnlyDictionary<string, string?>? settings,
        string? dataDirectory)
    {
        // A given folder is an earlier edge's (a restart): the caller deletes it.
        var data = dataDirectory ?? Directory.CreateTempSubdirectory("occupancy-edge-").FullName;
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
        try
        {
            await host.StartAsync();
        }
        catch
        {
            await host.StopAsync();
            host.Dispose();
            throw;
        }

        return new TestEdge(host, port, data, ownsDataDirectory: dataDirectory is null);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        if (!_ownsDataDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
