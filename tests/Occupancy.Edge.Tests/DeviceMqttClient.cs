using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Occupancy.Firmware.Contract;

namespace Occupancy.Edge.Tests;

/// <summary>A device of the test site on real MQTT 5: publishes any channel under its own topic at QoS 1.</summary>
internal sealed class DeviceMqttClient : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    private DeviceMqttClient(string kind, string deviceId)
    {
        Kind = kind;
        DeviceId = deviceId;
    }

    public string Kind { get; }

    public string DeviceId { get; }

    public IMqttClient Client => _client;

    public static async Task<DeviceMqttClient> ConnectAsync(string kind, string deviceId, int port)
    {
        var device = new DeviceMqttClient(kind, deviceId);
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(deviceId)
            .WithCredentials(deviceId, TestSite.SecretOf(deviceId))
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTimeout(TimeSpan.FromSeconds(5))
            .Build();
        var result = await device._client.ConnectAsync(options);
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return device;
    }

    /// <summary>Publishes on <paramref name="channel"/>; returns the PUBACK reason code (below 0x80 is success).</summary>
    public async Task<int> PublishAsync(string channel, string payload)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(DeviceTopic.Build(TestSite.SiteId, Kind, DeviceId, channel))
            .WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var ack = await _client.PublishAsync(message);
        return (int)ack.ReasonCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
