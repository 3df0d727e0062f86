using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Occupancy.Edge.Occupancy;
using Occupancy.Testing;
using Occupancy.Uplink;

namespace Occupancy.Edge.Tests.Mqtt;

/// <summary>
/// External-broker mode against Debian's mosquitto with a password file and a topic ACL:
/// devices log in to mosquitto, edges take the site's traffic through a shared subscription.
/// </summary>
public sealed class ExternalBrokerTests : IAsyncLifetime
{
    private const int DeskCount = 40;
    private const string EdgeUser = "edge";
    private const string EdgePassword = "edge-password";

    private static readonly SiteConfig Site = new(
        TestSite.SiteId,
        "Shared-subscription site",
        1,
        [.. Enumerable.Range(1, DeskCount).Select(i => new DeskConfig($"desk-{i}", "floor-1", "open", $"sensor-{i}"))],
        [new DoorConfig("front", "reader-1")]);

    private MosquittoServer _broker = null!;

    public async Task InitializeAsync()
    {
        var users = Site.Desks.Select(d => d.DeviceId).Append("reader-1")
            .ToDictionary(id => id, TestSite.SecretOf);
        users[EdgeUser] = EdgePassword;
        _broker = await MosquittoServer.StartAsync(new MosquittoOptions
        {
            PasswordFile = await MosquittoPasswordFile.CreateAsync(users),
            AclLines =
            [
                $"user {EdgeUser}",
                "topic readwrite occupancy/v1/test-site/#",
                // Every device: only its own topics, only the channels of its kind.
                "pattern write occupancy/v1/test-site/desk/%u/state",
                "pattern write occupancy/v1/test-site/+/%u/status",
                "pattern write occupancy/v1/test-site/+/%u/evt/#",
                "pattern read occupancy/v1/test-site/+/%u/cmd/#",
                "pattern read occupancy/v1/test-site/+/%u/config",
            ],
        });
    }

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task TwoEdgesSharingASubscription_HandleEveryReportExactlyOnce()
    {
        await using var first = await StartEdgeAsync("edge-a");
        await using var second = await StartEdgeAsync("edge-b");
        await WaitUntilSubscribedAsync(first, second);

        foreach (var desk in Site.Desks)
        {
            using var device = await ConnectDeviceAsync(desk.DeviceId);
            var ack = await device.PublishAsync(StateReport(desk.DeviceId, seq: 1));
            Assert.True((int)ack.ReasonCode < 0x80, $"{desk.DeviceId}: PUBACK {ack.ReasonCode}");
        }

        var firstDesks = new HashSet<string>();
        var secondDesks = new HashSet<string>();
        await Eventually.Until(
            () =>
            {
                firstDesks = [.. first.Get<OccupancyEngine>().Snapshot().Select(d => d.DeskId)];
                secondDesks = [.. second.Get<OccupancyEngine>().Snapshot().Select(d => d.DeskId)];
                return firstDesks.Count + secondDesks.Count >= DeskCount;
            },
            TimeSpan.FromSeconds(15),
            $"the two edges together have handled all {DeskCount} reports");

        Assert.Empty(firstDesks.Intersect(secondDesks));
        Assert.Equal(Site.Desks.Select(d => d.DeskId).Order(), firstDesks.Union(secondDesks).Order());
        Assert.NotEmpty(firstDesks);
        Assert.NotEmpty(secondDesks);
    }

    [Fact]
    public async Task EdgeAway_GetsWhatWasPublishedMeanwhile_WhenItComesBack()
    {
        var edge = await StartEdgeAsync("edge-a");
        await WaitUntilSubscribedAsync(edge);
        await edge.DisposeAsync();

        using (var device = await ConnectDeviceAsync("sensor-7"))
        {
            await device.PublishAsync(StateReport("sensor-7", seq: 3));
        }

        await using var back = await StartEdgeAsync("edge-a");
        await Eventually.Until(
            () => back.Get<OccupancyEngine>().Snapshot().Any(d => d.DeskId == "desk-7" && d.LastSeq == 3),
            TimeSpan.FromSeconds(15),
            "the returning edge has the report published while it was away");
    }

    [Fact]
    public async Task DeskSensorPublishingADoorCommand_IsRefusedByTheBroker()
    {
        using var device = await ConnectDeviceAsync("sensor-1");

        var ack = await device.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic("occupancy/v1/test-site/door/reader-1/cmd/unlock")
            .WithPayload("{}")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, ack.ReasonCode);
    }

    [Fact]
    public async Task DeviceSubscribedToAnotherDevicesCommands_NeverReceivesThem()
    {
        var intruderReceived = new List<string>();
        using var intruder = await ConnectDeviceAsync("sensor-1");
        intruder.ApplicationMessageReceivedAsync += e =>
        {
            lock (intruderReceived)
            {
                intruderReceived.Add(e.ApplicationMessage.Topic);
            }

            return Task.CompletedTask;
        };
        // mosquitto grants the subscription and enforces the ACL when it delivers.
        await intruder.SubscribeAsync("occupancy/v1/test-site/door/reader-1/cmd/#", MqttQualityOfServiceLevel.AtLeastOnce);
        await intruder.SubscribeAsync("occupancy/v1/test-site/desk/sensor-1/cmd/#", MqttQualityOfServiceLevel.AtLeastOnce);
        using var edge = new MqttClientFactory().CreateMqttClient();
        await edge.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer(_broker.Host, _broker.Port).WithClientId("edge-test").WithCredentials(EdgeUser, EdgePassword)
            .WithProtocolVersion(MqttProtocolVersion.V500).Build());

        await edge.PublishAsync(Command("occupancy/v1/test-site/door/reader-1/cmd/unlock"));
        await edge.PublishAsync(Command("occupancy/v1/test-site/desk/sensor-1/cmd/identify"));

        // Messages from one publisher arrive in order, so once the device's own command is in,
        // the door's command would have arrived before it had the broker delivered it.
        await Eventually.Until(
            () => { lock (intruderReceived) { return intruderReceived.Contains("occupancy/v1/test-site/desk/sensor-1/cmd/identify"); } },
            TimeSpan.FromSeconds(10),
            "the device has received its own command");
        lock (intruderReceived)
        {
            Assert.Equal(["occupancy/v1/test-site/desk/sensor-1/cmd/identify"], intruderReceived);
        }
    }

    [Fact]
    public async Task DeviceWithAWrongPassword_IsRefusedByTheBroker()
    {
        using var device = new MqttClientFactory().CreateMqttClient();

        var result = await device.ConnectAsync(DeviceOptions("sensor-1", "not-its-secret"));

        // mosquitto 2.0 answers a wrong password with "not authorized" (0x87) over MQTT 5.
        Assert.Contains(result.ResultCode, new[] { MqttClientConnectResultCode.BadUserNameOrPassword, MqttClientConnectResultCode.NotAuthorized });
    }

    private Task<TestEdge> StartEdgeAsync(string clientId) => TestEdge.StartAsync(
        "http://127.0.0.1:9",
        site: Site,
        settings: new Dictionary<string, string?>
        {
            ["Mqtt:Mode"] = "external",
            ["Mqtt:External:Host"] = _broker.Host,
            ["Mqtt:External:Port"] = _broker.Port.ToString(),
            ["Mqtt:External:Username"] = EdgeUser,
            ["Mqtt:External:Password"] = EdgePassword,
            ["Mqtt:External:ClientId"] = clientId,
        });

    private static Task WaitUntilSubscribedAsync(params TestEdge[] edges) => Eventually.Until(
        () => edges.All(e => e.Get<Edge.Mqtt.ExternalBrokerIngest>().IsConnected),
        TimeSpan.FromSeconds(15),
        "every edge has subscribed to the broker");

    private async Task<IMqttClient> ConnectDeviceAsync(string deviceId)
    {
        var device = new MqttClientFactory().CreateMqttClient();
        var result = await device.ConnectAsync(DeviceOptions(deviceId, TestSite.SecretOf(deviceId)));
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return device;
    }

    private MqttClientOptions DeviceOptions(string deviceId, string password) => new MqttClientOptionsBuilder()
        .WithTcpServer(_broker.Host, _broker.Port)
        .WithClientId(deviceId)
        .WithCredentials(deviceId, password)
        .WithProtocolVersion(MqttProtocolVersion.V500)
        .Build();

    private static MqttApplicationMessage Command(string topic) => new MqttApplicationMessageBuilder()
        .WithTopic(topic)
        .WithPayload("{}")
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();

    private static MqttApplicationMessage StateReport(string deviceId, long seq) => new MqttApplicationMessageBuilder()
        .WithTopic($"occupancy/v1/test-site/desk/{deviceId}/state")
        .WithPayload(Encoding.UTF8.GetBytes($$"""{"state":"occupied","seq":{{seq}},"ts":{{1_764_236_400_000 + seq}},"fw":"1.0.0"}"""))
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();
}
