using Occupancy.Testing;

namespace Occupancy.Firmware.Simulator.Tests;

public sealed class MqttDeviceLinkTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Link_WhenTheBrokerComesUpLate_SendsEverythingQueuedInOrder()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await broker.StopAsync();
        int announcements = 0;
        await using var link = new MqttDeviceLink(Options(broker, "sensor-201"), () => Interlocked.Increment(ref announcements));
        await link.StartAsync();
        Assert.False(link.IsConnected);

        for (int i = 1; i <= 5; i++)
        {
            Assert.True(link.Publish("occupancy/v1/hq/desk/sensor-201/state", $"message {i}", retain: false));
        }

        await broker.StartAgainAsync();

        await Eventually.Until(() => broker.Published.Count >= 5, Timeout, "the queued messages arrive");
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"message {i}"), broker.Published.Select(m => m.Payload));
        Assert.Equal(1, announcements);
        Assert.Equal(0, link.Pending);
    }

    [Fact]
    public async Task Link_WhenItsQueueIsFull_RefusesFurtherPublishes()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await broker.StopAsync();
        var options = Options(broker, "sensor-202");
        await using var link = new MqttDeviceLink(
            new MqttDeviceLinkOptions
            {
                BrokerHost = options.BrokerHost,
                BrokerPort = options.BrokerPort,
                DeviceId = options.DeviceId,
                StatusTopic = options.StatusTopic,
                QueueCapacity = 3,
            },
            () => { });
        await link.StartAsync();

        Assert.True(link.Publish("t", "1", false));
        Assert.True(link.Publish("t", "2", false));
        Assert.True(link.Publish("t", "3", false));
        Assert.False(link.Publish("t", "4", false));
        Assert.Equal(3, link.Pending);
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
            new MqttDeviceLinkOptions
            {
                BrokerHost = options.BrokerHost,
                BrokerPort = options.BrokerPort,
                DeviceId = options.DeviceId,
                StatusTopic = options.StatusTopic,
                Secret = "s3cret",
            },
            () => { });

        await link.StartAsync();

        Assert.True(link.IsConnected);
        var attempt = Assert.Single(broker.ConnectAttempts);
        Assert.Equal(("sensor-203", "sensor-203"), (attempt.ClientId, attempt.UserName));
        Assert.Equal("s3cret", password);
    }

    private static MqttDeviceLinkOptions Options(EmbeddedBroker broker, string deviceId) => new()
    {
        BrokerHost = broker.Host,
        BrokerPort = broker.Port,
        DeviceId = deviceId,
        StatusTopic = $"occupancy/v1/hq/desk/{deviceId}/status",
    };
}
