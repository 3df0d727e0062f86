using System.Collections.Concurrent;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Occupancy.Edge.Access;
using Occupancy.Edge.Ingest;
using Occupancy.Firmware.Contract;
using Occupancy.Testing;
using Occupancy.Uplink;

namespace Occupancy.Edge.Tests.Mqtt;

/// <summary>
/// Door answers in external-broker mode, against Debian's mosquitto with a password file and an ACL
/// that gives the edge only what it needs: read the devices' channels, write the doors' unlock commands.
/// </summary>
public sealed class ExternalBrokerCommandTests : IAsyncLifetime
{
    private const string EdgeUser = "edge";
    private const string EdgePassword = "edge-password";
    private const string MasterKeyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    private MosquittoServer _broker = null!;

    public async Task InitializeAsync()
    {
        var users = new Dictionary<string, string>
        {
            [EdgeUser] = EdgePassword,
            ["reader-1"] = TestSite.SecretOf("reader-1"),
            ["sensor-1"] = TestSite.SecretOf("sensor-1"),
        };
        _broker = await MosquittoServer.StartAsync(new MosquittoOptions
        {
            PasswordFile = await MosquittoPasswordFile.CreateAsync(users),
            AclLines =
            [
                $"user {EdgeUser}",
                "topic read occupancy/v1/test-site/+/+/state",
                "topic read occupancy/v1/test-site/+/+/status",
                "topic read occupancy/v1/test-site/+/+/evt/#",
                "topic write occupancy/v1/test-site/door/+/cmd/unlock",
                "pattern write occupancy/v1/test-site/+/%u/status",
                "pattern write occupancy/v1/test-site/+/%u/evt/#",
                "pattern write occupancy/v1/test-site/desk/%u/state",
                "pattern read occupancy/v1/test-site/+/%u/cmd/#",
            ],
        });
    }

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task DoorRequestThroughMosquitto_IsAnsweredWithACommandSignedForThatReader()
    {
        await using var edge = await StartEdgeAsync();
        await Eventually.Until(() => edge.Get<Edge.Mqtt.ExternalBrokerIngest>().IsConnected && edge.Get<Edge.Mqtt.ExternalDoorRequests>().IsConnected, TimeSpan.FromSeconds(15), "the edge has subscribed to mosquitto");
        edge.Get<AccessReplicaStore>().Apply(TestSite.CardReplica());
        using var reader = await ConnectAsync("reader-1");
        var commands = new ConcurrentQueue<string>();
        reader.ApplicationMessageReceivedAsync += e =>
        {
            commands.Enqueue(Encoding.UTF8.GetString(e.ApplicationMessage.Payload));
            return Task.CompletedTask;
        };
        await reader.SubscribeAsync("occupancy/v1/test-site/door/reader-1/cmd/unlock", MqttQualityOfServiceLevel.AtLeastOnce);
        string nonce = new('7', 32);

        var ack = await reader.PublishAsync(Request(nonce, "04a1b2c3"));

        Assert.True((int)ack.ReasonCode < 0x80, $"PUBACK {ack.ReasonCode}");
        string payload = "";
        await Eventually.Until(() => commands.TryDequeue(out payload!), TimeSpan.FromSeconds(10), "the reader has received its answer through mosquitto");
        Assert.True(UnlockCommand.TryDecode(payload, out var command, out var error), error);
        Assert.True(command.IsGrant);
        Assert.Equal(("reader-1", nonce), (command.Door, command.Nonce));
        Assert.True(new CommandSigner(DoorKeys.Derive(Convert.FromHexString(MasterKeyHex), "reader-1")).Verify(command));
        Assert.Equal(0, edge.Get<RejectionCounter>().Count(Edge.Ingest.RejectionReasons.CommandNotSent));
    }

    [Fact]
    public async Task CommandTheBrokersAclRefuses_FailsLoudly_InsteadOfPassingForSent()
    {
        await using var edge = await StartEdgeAsync();
        await Eventually.Until(() => edge.Get<Edge.Mqtt.ExternalBrokerIngest>().IsConnected && edge.Get<Edge.Mqtt.ExternalDoorRequests>().IsConnected, TimeSpan.FromSeconds(15), "the edge has subscribed to mosquitto");
        var publisher = edge.Get<Edge.Mqtt.ExternalDoorRequests>();

        // Outside the edge's write grant: mosquitto refuses the publish (MQTT 5 reason 135) and the edge must notice.
        await Assert.ThrowsAsync<InvalidOperationException>(() => publisher.PublishCommandAsync("occupancy/v1/test-site/desk/sensor-1/cmd/unlock", "{}", CancellationToken.None));
    }

    private Task<TestEdge> StartEdgeAsync() => TestEdge.StartAsync(
        "http://127.0.0.1:9",
        settings: new Dictionary<string, string?>
        {
            ["Mqtt:Mode"] = "external",
            ["Mqtt:External:Host"] = _broker.Host,
            ["Mqtt:External:Port"] = _broker.Port.ToString(),
            ["Mqtt:External:Username"] = EdgeUser,
            ["Mqtt:External:Password"] = EdgePassword,
            ["Mqtt:External:ClientId"] = "edge-commands",
            ["Access:DoorMasterKey"] = MasterKeyHex,
            ["Access:NetworkKey"] = TestSite.NetworkKeyHex,
        });

    private async Task<IMqttClient> ConnectAsync(string deviceId)
    {
        var device = new MqttClientFactory().CreateMqttClient();
        var result = await device.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer(_broker.Host, _broker.Port)
            .WithClientId(deviceId)
            .WithCredentials(deviceId, TestSite.SecretOf(deviceId))
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build());
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return device;
    }

    private static MqttApplicationMessage Request(string nonce, string card) => new MqttApplicationMessageBuilder()
        .WithTopic(DeviceTopic.Build(TestSite.SiteId, DeviceKinds.Door, "reader-1", Channels.AccessRequest))
        .WithPayload(new AccessRequestMessage(nonce, new Credential(Credential.Card, card), new MessageHeader(1, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), "1.0.0")).Encode())
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();
}
