using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Occupancy.Edge;
using Occupancy.Edge.Devices;
using Occupancy.Edge.Occupancy;
using Occupancy.Firmware.Contract;
using Occupancy.Testing;

namespace Occupancy.Bench.DashboardLoad;

/// <summary>
/// The path a member watches: a desk sensor's state report (MQTT 5, QoS 1, as the firmware sends it) → the edge
/// (embedded broker, durable outbox, uplink) → the server's edge hub → the dashboard hub → a browser's
/// DeskStatesChanged. The edge runs in-process with a real influxd, the server is the separate process.
/// </summary>
internal sealed class SensorToBrowser : IAsyncDisposable
{
    private const string Desk = "desk-101";
    private const string Sensor = "sensor-101";

    private readonly IHost _edge;
    private readonly InfluxdServer _influx;
    private readonly IMqttClient _device;
    private readonly HubConnection _browser;
    private readonly string _data;
    private TaskCompletionSource<long> _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string _expected = "";
    private long _seq;

    private SensorToBrowser(IHost edge, InfluxdServer influx, IMqttClient device, HubConnection browser, string data)
    {
        (_edge, _influx, _device, _browser, _data) = (edge, influx, device, browser, data);
        _browser.On<DeskStateView[]>("DeskStatesChanged", changes =>
        {
            var now = Stopwatch.GetTimestamp();
            if (changes.Any(c => c.Id == Desk && c.State == _expected))
            {
                _arrived.TrySetResult(now);
            }
        });
    }

    public static async Task<SensorToBrowser> StartAsync(Uri server, string siteKey)
    {
        var influx = await InfluxdServer.StartAsync();
        var data = Directory.CreateTempSubdirectory("occupancy-bench-edge-").FullName;
        var secret = new DeviceRegistry(data).Provision(Sensor);
        var port = FreeTcpPort.Next();
        var edge = EdgeApplication.Build([], new Dictionary<string, string?>
        {
            ["Edge:SiteId"] = "hq",
            ["Edge:DataDirectory"] = data,
            ["Mqtt:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Influx:Url"] = influx.BaseUri.ToString(),
            ["Influx:Database"] = "bench",
            ["Uplink:ServerUrl"] = server.ToString(),
            ["Uplink:SiteKey"] = siteKey,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        });
        await edge.StartAsync();
        var site = edge.Services.GetRequiredService<SiteDirectory>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!site.IsLoaded)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The edge did not get its site configuration from the server within 30 s.");
            }

            await Task.Delay(100);
        }

        var device = new MqttClientFactory().CreateMqttClient();
        var connected = await device.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(Sensor)
            .WithCredentials(Sensor, secret)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build());
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"The edge refused the sensor's login: {connected.ResultCode}.");
        }

        var browser = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "hubs/dashboard"), options => options.Transports = HttpTransportType.WebSockets)
            .Build();
        var path = new SensorToBrowser(edge, influx, device, browser, data);
        await browser.StartAsync();
        await browser.InvokeAsync<FloorPlanMessage>("WatchFloor", "hq", "floor-1");
        return path;
    }

    /// <summary>Flips the desk <paramref name="count"/> times, <paramref name="spacing"/> apart; one latency sample per flip.</summary>
    public async Task MeasureAsync(int count, TimeSpan spacing, Latencies latencies)
    {
        for (int i = 0; i < count; i++)
        {
            var state = i % 2 == 0 ? DeskStates.Occupied : DeskStates.Free;
            _arrived = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            _expected = state;
            var seq = ++_seq;
            var payload = new global::Occupancy.Firmware.Contract.DeskStateMessage(state, new MessageHeader(seq, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), "1.0.0")).Encode();
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(DeviceTopic.Build("hq", DeviceKinds.Desk, Sensor, Channels.State))
                .WithPayload(Encoding.UTF8.GetBytes(payload))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            var sentAt = Stopwatch.GetTimestamp();
            await _device.PublishAsync(message);
            try
            {
                var arrivedAt = await _arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
                latencies.Add(Stopwatch.GetElapsedTime(sentAt, arrivedAt).TotalMilliseconds);
            }
            catch (TimeoutException)
            {
                Console.WriteLine($"  flip {i + 1}: not seen by the browser within 10 s");
            }

            await Task.Delay(spacing);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _device.DisconnectAsync();
        _device.Dispose();
        await _edge.StopAsync();
        _edge.Dispose();
        await _influx.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
