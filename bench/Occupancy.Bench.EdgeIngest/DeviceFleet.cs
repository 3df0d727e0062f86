using System.Diagnostics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Occupancy.Firmware.Contract;

namespace Occupancy.Bench.EdgeIngest;

/// <summary>
/// Desk sensors on MQTT 5, QoS 1, each publishing its reports one after another as real sensors do
/// (the next once the previous is acknowledged), every report a change of state. The same fleet
/// drives the mosquitto relay and the edge.
/// </summary>
internal sealed class DeviceFleet : IAsyncDisposable
{
    public const string SiteId = "bench";

    private readonly IMqttClient[] _clients;
    private readonly long[] _nextSeq;
    private readonly long _baseTs;

    private DeviceFleet(IMqttClient[] clients, long baseTs)
    {
        _clients = clients;
        _nextSeq = new long[clients.Length];
        Array.Fill(_nextSeq, 1);
        _baseTs = baseTs;
    }

    public static string DeviceId(int index) => $"sensor-{index + 1}";

    public static string SecretOf(string deviceId) => deviceId + "-bench-secret";

    public static async Task<DeviceFleet> ConnectAsync(int port, int devices, bool withSecrets)
    {
        var factory = new MqttClientFactory();
        var clients = new IMqttClient[devices];
        for (int i = 0; i < devices; i++)
        {
            string id = DeviceId(i);
            clients[i] = factory.CreateMqttClient();
            var options = new MqttClientOptionsBuilder()
                .WithTcpServer("127.0.0.1", port)
                .WithClientId(id)
                .WithProtocolVersion(MqttProtocolVersion.V500)
                .WithTimeout(TimeSpan.FromSeconds(30));
            if (withSecrets)
            {
                options = options.WithCredentials(id, SecretOf(id));
            }

            var result = await clients[i].ConnectAsync(options.Build());
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new InvalidOperationException($"{id} could not connect: {result.ResultCode}");
            }
        }

        return new DeviceFleet(clients, DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeMilliseconds());
    }

    /// <summary>Every device publishes <paramref name="perDevice"/> reports; returns when all are acknowledged.</summary>
    public async Task<TimeSpan> PublishAsync(int perDevice)
    {
        var started = Stopwatch.StartNew();
        await Task.WhenAll(_clients.Select((client, index) => PublishFromAsync(client, index, perDevice)));
        return started.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync();
            }

            client.Dispose();
        }
    }

    private async Task PublishFromAsync(IMqttClient client, int index, int count)
    {
        string topic = DeviceTopic.Build(SiteId, DeviceKinds.Desk, DeviceId(index), Channels.State);
        for (int i = 0; i < count; i++)
        {
            long seq = _nextSeq[index]++;
            await DeskReport.PublishAsync(client, topic, seq, _baseTs + seq);
        }
    }
}
