using MQTTnet;
using MQTTnet.Protocol;
using Occupancy.Testing;

namespace Occupancy.Firmware.Simulator.Tests;

public sealed class MqttDeviceLinkTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Link_WhileTheBrokerIsDown_RefusesPublishesSoTheFirmwareQueueKeepsThem()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await broker.StopAsync();
        int announcements = 0;
        await using var link = new MqttDeviceLink(Options(broker, "sensor-201"), () => Interlocked.Increment(ref announcements));
        await link.StartAsync();

        Assert.False(link.IsConnected);
        Assert.False(link.Publish("occupancy/v1/hq/desk/sensor-201/state", "message", retain: false));
        Assert.Equal(0, link.Pending);

        await broker.StartAgainAsync();
        await Eventually.Until(() => link.IsAnnounced, Timeout, "the link connects once the broker is up");
        Assert.Equal(1, announcements);
        Assert.True(link.Publish("occupancy/v1/hq/desk/sensor-201/state", "message", retain: false));
        await Eventually.Until(() => broker.Published.Any(m => m.Payload == "message"), Timeout, "the message arrives");
    }

    [Fact]
    public async Task Link_WhenTheBrokerHoldsAcknowledgements_RefusesPublishesPastItsInflightCapacity()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        broker.HoldAcknowledgements = hold;
        var options = Options(broker, "sensor-202");
        await using var link = new MqttDeviceLink(
            new MqttDeviceLinkOptions { BrokerHost = options.BrokerHost, BrokerPort = options.BrokerPort, DeviceId = options.DeviceId, StatusTopic = options.StatusTopic, InflightCapacity = 3 },
            () => { });
        await link.StartAsync();
        Assert.True(link.IsConnected);

        Assert.True(link.Publish("t/1", "1", false));
        Assert.True(link.Publish("t/2", "2", false));
        Assert.True(link.Publish("t/3", "3", false));
        Assert.False(link.Publish("t/4", "4", false));

        hold.SetResult();
        await Eventually.Until(() => link.Pending == 0, Timeout, "the broker acknowledges");
        Assert.Equal(new[] { "1", "2", "3" }, broker.Published.Select(m => m.Payload));
        Assert.True(link.Publish("t/4", "4", false));
    }

    [Fact]
    public async Task Link_WhenTheBrokerGoesDownBeforeAcknowledging_SendsTheMessageAgainAfterReconnecting()
    {
        // A door's answer leaves the edge before the request's PUBACK, which waits for the decision on disk: if the edge
        // dies in between, this resend is how the decision still gets recorded.
        await using var broker = await EmbeddedBroker.StartAsync();
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        broker.HoldAcknowledgements = hold;
        await using var link = new MqttDeviceLink(Options(broker, "reader-203"), () => { });
        await link.StartAsync();
        Assert.True(link.Publish("occupancy/v1/hq/door/reader-203/evt/access-request", "tap", retain: false));
        await Eventually.Until(() => link.Pending == 1, Timeout, "the publish handed over and waiting for its PUBACK");

        var stopping = broker.StopAsync();
        await Eventually.Until(() => !link.IsConnected, Timeout, "the link notices the broker is gone");
        broker.HoldAcknowledgements = null;
        hold.SetResult();
        await stopping;
        Assert.Equal(1, link.Pending);

        await broker.StartAgainAsync();
        await Eventually.Until(() => broker.Published.Any(m => m.Payload == "tap"), Timeout, "the unacknowledged publish arrives again");
        await Eventually.Until(() => link.Pending == 0, Timeout, "and is acknowledged this time");
    }

    [Fact]
    public async Task Link_LogsInWithTheDeviceIdAndSecret()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        string? password = null;
        broker.AcceptLogin = e =>
        {
            password = e.Password;
            return true;
        };
        var options = Options(broker, "sensor-203");
        await using var link = new MqttDeviceLink(
            new MqttDeviceLinkOptions { BrokerHost = options.BrokerHost, BrokerPort = options.BrokerPort, DeviceId = options.DeviceId, StatusTopic = options.StatusTopic, Secret = "s3cret" },
            () => { });

        await link.StartAsync();

        Assert.True(link.IsConnected);
        var attempt = Assert.Single(broker.ConnectAttempts);
        Assert.Equal(("sensor-203", "sensor-203"), (attempt.ClientId, attempt.UserName));
        Assert.Equal("s3cret", password);
    }

    [Fact]
    public async Task Link_SubscribesToItsTopicsBeforeAnnouncingAndDeliversMessagesWithTheirRetainFlag()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        const string configTopic = "occupancy/v1/hq/desk/sensor-204/config";
        await PublishAsync(broker, configTopic, "{\"rev\":1}", retain: true);
        var received = new System.Collections.Concurrent.ConcurrentQueue<(string Topic, string Payload, bool Retained)>();
        var options = Options(broker, "sensor-204");
        await using var link = new MqttDeviceLink(
            new MqttDeviceLinkOptions { BrokerHost = options.BrokerHost, BrokerPort = options.BrokerPort, DeviceId = options.DeviceId, StatusTopic = options.StatusTopic, Subscriptions = [configTopic] },
            () => { },
            (topic, payload, retained) => received.Enqueue((topic, payload, retained)));

        await link.StartAsync();
        await Eventually.Until(() => !received.IsEmpty, Timeout, "the retained config arrives");
        await PublishAsync(broker, configTopic, "{\"rev\":2}", retain: false);
        await Eventually.Until(() => received.Count == 2, Timeout, "a live update arrives");

        Assert.Equal(new[] { (configTopic, "{\"rev\":1}", true), (configTopic, "{\"rev\":2}", false) }, received);
    }

    private static async Task PublishAsync(EmbeddedBroker broker, string topic, string payload, bool retain)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithClientId("edge-" + Guid.NewGuid().ToString("N")).Build());
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithRetainFlag(retain).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await client.DisconnectAsync();
    }

    private static MqttDeviceLinkOptions Options(EmbeddedBroker broker, string deviceId) => new()
    {
        BrokerHost = broker.Host,
        BrokerPort = broker.Port,
        DeviceId = deviceId,
        StatusTopic = $"occupancy/v1/hq/desk/{deviceId}/status",
    };
}
