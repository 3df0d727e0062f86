using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Occupancy.Edge;
using Occupancy.Edge.Devices;
using Occupancy.Edge.Occupancy;
using Occupancy.Firmware.Simulator;
using Occupancy.Testing;

namespace Occupancy.EndToEnd.Tests.ScaleOut;

/// <summary>
/// A real edge for one site, in this process: its embedded broker on a free port, InfluxDB, and its uplink to a
/// server; started once it has fetched its site configuration. Stopped and its data removed on dispose.
/// </summary>
internal sealed class SiteEdge : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly IHost _host;
    private readonly string _dataDirectory;
    private readonly Dictionary<string, string> _secrets;

    private SiteEdge(string siteId, IHost host, string dataDirectory, int mqttPort, Dictionary<string, string> secrets)
    {
        SiteId = siteId;
        _host = host;
        _dataDirectory = dataDirectory;
        MqttPort = mqttPort;
        _secrets = secrets;
    }

    public string SiteId { get; }

    public int MqttPort { get; }

    public static async Task<SiteEdge> StartAsync(string siteId, Uri server, string siteKey, InfluxdServer influx, IEnumerable<string> deviceIds)
    {
        string data = Directory.CreateTempSubdirectory($"occupancy-e2e-edge-{siteId}-").FullName;
        var registry = new DeviceRegistry(data);
        var secrets = deviceIds.ToDictionary(id => id, id => registry.Provision(id));
        int mqttPort = FreeTcpPort.Next();
        var host = EdgeApplication.Build([], new Dictionary<string, string?>
        {
            ["Edge:SiteId"] = siteId,
            ["Edge:DataDirectory"] = data,
            ["Mqtt:Port"] = mqttPort.ToString(),
            ["Influx:Url"] = influx.BaseUri.ToString(),
            ["Influx:Database"] = "site_" + siteId.Replace('-', '_'),
            ["Influx:FlushInterval"] = "00:00:00.100",
            ["Uplink:ServerUrl"] = server.ToString(),
            ["Uplink:SiteKey"] = siteKey,
        });
        var edge = new SiteEdge(siteId, host, data, mqttPort, secrets);
        await host.StartAsync();
        var site = host.Services.GetRequiredService<SiteDirectory>();
        await Eventually.Until(() => site.IsLoaded, Patience, $"the edge of {siteId} has fetched its site configuration from the server");
        return edge;
    }

    /// <summary>How a simulated device of this site reaches the edge's broker.</summary>
    public DeviceSettings DeviceSettings(string deviceId) => new("127.0.0.1", MqttPort, SiteId, deviceId, _secrets[deviceId]);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
