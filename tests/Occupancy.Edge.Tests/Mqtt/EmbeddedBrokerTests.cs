using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using Occupancy.Edge.Ingest;
using Occupancy.Edge.Occupancy;
using Occupancy.Firmware.Contract;
using IngestRejections = Occupancy.Edge.Ingest.RejectionReasons;
using Occupancy.Testing;

namespace Occupancy.Edge.Tests.Mqtt;

/// <summary>Devices talking MQTT 5 to the edge's real embedded broker on loopback.</summary>
public sealed class EmbeddedBrokerTests : IAsyncLifetime
{
    private TestEdge _edge = null!;

    public async Task InitializeAsync() => _edge = await TestEdge.StartAsync(influxUrl: "http://127.0.0.1:9");

    public async Task DisposeAsync() => await _edge.DisposeAsync();

    [Fact]
    public async Task Connect_DeviceOfTheSite_IsAccepted()
    {
        using var device = new MqttClientFactory().CreateMqttClient();

        var result = await device.ConnectAsync(DeviceOptions("sensor-1"));

        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
    }

    [Fact]
    public async Task Connect_UnknownDevice_IsRefusedAsNotAuthorized()
    {
        using var device = new MqttClientFactory().CreateMqttClient();

        // MQTTnet 5 reports a refused login in the result instead of throwing.
        var result = await device.ConnectAsync(DeviceOptions("sensor-99"));

        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, result.ResultCode);
    }

    [Fact]
    public async Task Connect_WithAnotherDevicesSecret_IsRefusedAsBadCredentials()
    {
        using var device = new MqttClientFactory().CreateMqttClient();

        var result = await device.ConnectAsync(DeviceOptions("sensor-1", TestSite.SecretOf("sensor-2")));

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result.ResultCode);
    }

    [Fact]
    public async Task Connect_AfterTheDeviceWasRevoked_IsRefused()
    {
        var registry = new global::Occupancy.Edge.Devices.DeviceRegistry(_edge.DataDirectory);
        Assert.True(registry.Revoke("sensor-2"));
        using var device = new MqttClientFactory().CreateMqttClient();

        var result = await device.ConnectAsync(DeviceOptions("sensor-2"));

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result.ResultCode);
    }

    [Fact]
    public async Task Publish_StateReport_IsAcknowledgedAndAppliedToTheDesk()
    {
        using var device = await ConnectedDeviceAsync("sensor-2");

        var ack = await device.PublishAsync(Message("occupancy/v1/test-site/desk/sensor-2/state", """{"state":"occupied","seq":7,"ts":1764236400000,"fw":"1.0.0"}"""));

        Assert.True((int)ack.ReasonCode < 0x80, $"PUBACK {ack.ReasonCode}");
        var desk = _edge.Get<OccupancyEngine>().Snapshot().Single();
        Assert.Equal(("desk-2", DeskStates.Occupied, 7L), (desk.DeskId, desk.State, desk.LastSeq));
    }

    [Fact]
    public async Task Publish_UnderAnotherDevicesTopic_IsRefusedInThePubackAndCounted()
    {
        using var device = await ConnectedDeviceAsync("sensor-1");

        var ack = await device.PublishAsync(Message("occupancy/v1/test-site/desk/sensor-2/state", """{"state":"occupied","seq":1,"ts":1764236400000,"fw":"1.0.0"}"""));

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, ack.ReasonCode);
        Assert.Equal(1, _edge.Get<RejectionCounter>().Count(IngestRejections.ForeignTopic));
        Assert.Empty(_edge.Get<OccupancyEngine>().Snapshot());
    }

    [Fact]
    public async Task Subscribe_ToAnotherDevicesTopics_IsRefused()
    {
        using var device = await ConnectedDeviceAsync("sensor-1");

        var own = await device.SubscribeAsync("occupancy/v1/test-site/desk/sensor-1/config");
        var other = await device.SubscribeAsync("occupancy/v1/test-site/desk/sensor-2/#");
        var everything = await device.SubscribeAsync("#");

        Assert.True((int)own.Items.Single().ResultCode < 0x80);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, other.Items.Single().ResultCode);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, everything.Items.Single().ResultCode);
    }

    private async Task<IMqttClient> ConnectedDeviceAsync(string deviceId)
    {
        var device = new MqttClientFactory().CreateMqttClient();
        await device.ConnectAsync(DeviceOptions(deviceId));
        return device;
    }

    private MqttClientOptions DeviceOptions(string deviceId, string? secret = null) => new MqttClientOptionsBuilder()
        .WithTcpServer("127.0.0.1", _edge.MqttPort)
        .WithClientId(deviceId)
        .WithCredentials(deviceId, secret ?? TestSite.SecretOf(deviceId))
        .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
        .Build();

    private static MqttApplicationMessage Message(string topic, string payload) => new MqttApplicationMessageBuilder()
        .WithTopic(topic)
        .WithPayload(Encoding.UTF8.GetBytes(payload))
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();
}
