using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Occupancy.Firmware.Contract;

namespace Occupancy.Edge.Tests;

/// <summary>
/// A desk sensor on real MQTT 5 (QoS 1) for stream tests: every report flips the state, so every
/// report is a change and one point in InfluxDB. It remembers which reports the edge acknowledged,
/// and, like the firmware, sends an unacknowledged report again (same sequence number and time).
/// </summary>
internal sealed class DeskSensorClient : IDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly int _port;
    private readonly long _baseTs;
    private long _nextSeq = 1;
    private long? _unacknowledged;

    public DeskSensorClient(string deviceId, int port, long baseTs)
    {
        DeviceId = deviceId;
        _port = port;
        _baseTs = baseTs;
    }

    public string DeviceId { get; }

    /// <summary>Sequence numbers the edge acknowledged.</summary>
    public List<long> Acknowledged { get; } = [];

    /// <summary>Sequence numbers ever sent (acknowledged or not).</summary>
    public long LastSent => _nextSeq - 1;

    public bool IsConnected => _client.IsConnected;

    public static long TimestampOf(long baseTs, long seq) => baseTs + (seq * 1000);

    public static string StateOf(long seq) => seq % 2 == 1 ? DeskStates.Occupied : DeskStates.Free;

    public async Task<bool> TryConnectAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var options = new MqttClientOptionsBuilder()
                .WithTcpServer("127.0.0.1", _port)
                .WithClientId(DeviceId)
                .WithCredentials(DeviceId, TestSite.SecretOf(DeviceId))
                .WithProtocolVersion(MqttProtocolVersion.V500)
                .WithTimeout(TimeSpan.FromSeconds(5))
                .Build();
            var result = await _client.ConnectAsync(options, cancellationToken);
            return result.ResultCode == MqttClientConnectResultCode.Success;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Sends the unacknowledged report again, or the next one; true when the edge acknowledged it.</summary>
    public async Task<bool> PublishNextAsync(CancellationToken cancellationToken = default)
    {
        long seq = _unacknowledged ?? _nextSeq++;
        _unacknowledged = seq;
        string payload = new DeskStateMessage(StateOf(seq), new MessageHeader(seq, TimestampOf(_baseTs, seq), "1.0.0")).Encode();
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(DeviceTopic.Build(TestSite.SiteId, DeviceKinds.Desk, DeviceId, Channels.State))
            .WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        try
        {
            var ack = await _client.PublishAsync(message, cancellationToken);
            if ((int)ack.ReasonCode >= 0x80)
            {
                return false;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        Acknowledged.Add(seq);
        _unacknowledged = null;
        return true;
    }

    public void Dispose() => _client.Dispose();
}
