using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Occupancy.Firmware.Contract;

namespace Occupancy.Bench.TapToUnlock;

/// <summary>
/// Desk sensors on MQTT 5, QoS 1, each flipping its desk's state at a steady pace so that together
/// they send <c>rate</c> reports a second: every report a change, so every one is recorded, written
/// to InfluxDB and counted, the load a busy site puts on the edge while people tap in.
/// </summary>
internal sealed class BackgroundDesks : IAsyncDisposable
{
    private readonly IMqttClient[] _clients;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private long _sent;

    private BackgroundDesks(IMqttClient[] clients) => _clients = clients;

    public long Sent => Interlocked.Read(ref _sent);

    public static async Task<BackgroundDesks> ConnectAsync(int port, int desks)
    {
        var factory = new MqttClientFactory();
        var clients = new IMqttClient[desks];
        for (int i = 0; i < desks; i++)
        {
            string id = BenchSite.DeskSensor(i);
            clients[i] = factory.CreateMqttClient();
            var result = await clients[i].ConnectAsync(new MqttClientOptionsBuilder()
                .WithTcpServer("127.0.0.1", port)
                .WithClientId(id)
                .WithCredentials(id, BenchSite.SecretOf(id))
                .WithProtocolVersion(MqttProtocolVersion.V500)
                .WithTimeout(TimeSpan.FromSeconds(30))
                .Build());
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new InvalidOperationException($"{id} could not connect: {result.ResultCode}");
            }
        }

        return new BackgroundDesks(clients);
    }

    /// <summary>Starts every sensor's loop, spread evenly over one period so the load is steady.</summary>
    public void Start(int rate)
    {
        var period = TimeSpan.FromSeconds((double)_clients.Length / rate);
        long baseTs = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds();
        for (int i = 0; i < _clients.Length; i++)
        {
            var offset = period * i / _clients.Length;
            _loops.Add(StreamAsync(_clients[i], BenchSite.DeskSensor(i), baseTs, offset, period, _stop.Token));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _stop.Dispose();
    }

    private async Task StreamAsync(IMqttClient client, string deviceId, long baseTs, TimeSpan offset, TimeSpan period, CancellationToken stop)
    {
        string topic = DeviceTopic.Build(BenchSite.SiteId, DeviceKinds.Desk, deviceId, Channels.State);
        try
        {
            await Task.Delay(offset, stop);
            using var timer = new PeriodicTimer(period);
            for (long seq = 1; await timer.WaitForNextTickAsync(stop); seq++)
            {
                await client.PublishAsync(DeskReport.Message(topic, seq, baseTs + seq), stop);
                Interlocked.Increment(ref _sent);
            }
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // Stopped mid-publish: MQTTnet reports a cancelled wait for the PUBACK as a timeout.
        }
    }
}
