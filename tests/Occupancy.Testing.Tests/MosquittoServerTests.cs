using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Protocol;

namespace Occupancy.Testing.Tests;

public sealed class MosquittoServerTests(MosquittoFixture mosquitto) : IClassFixture<MosquittoFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task MosquittoServer_DeliversWhatOneClientPublishesToAnotherThatSubscribed()
    {
        var server = mosquitto.Server;
        var factory = new MqttClientFactory();
        using var subscriber = factory.CreateMqttClient();
        using var publisher = factory.CreateMqttClient();
        var received = new ConcurrentQueue<string>();
        subscriber.ApplicationMessageReceivedAsync += e =>
        {
            received.Enqueue($"{e.ApplicationMessage.Topic}={e.ApplicationMessage.ConvertPayloadToString()}");
            return Task.CompletedTask;
        };
        await subscriber.ConnectAsync(Options(server, "subscriber"));
        await subscriber.SubscribeAsync(
            factory.CreateSubscribeOptionsBuilder()
                .WithTopicFilter("occupancy/v1/#", MqttQualityOfServiceLevel.AtLeastOnce)
                .Build());
        await publisher.ConnectAsync(Options(server, "publisher"));

        await publisher.PublishAsync(
            new MqttApplicationMessageBuilder()
                .WithTopic("occupancy/v1/hq/desk/sensor-101/state")
                .WithPayload("{\"state\":\"occupied\"}")
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build());

        await Eventually.Until(() => !received.IsEmpty, Patience, "the subscriber receives the published message");
        Assert.Equal("occupancy/v1/hq/desk/sensor-101/state={\"state\":\"occupied\"}", Assert.Single(received));
    }

    [Fact]
    public async Task MosquittoServer_WithAPasswordFile_RefusesAWrongPasswordAndAcceptsTheRightOne()
    {
        var passwords = await MosquittoPasswordFile.CreateAsync("sensor-101", "right-secret");
        await using var server = await MosquittoServer.StartAsync(new MosquittoOptions { PasswordFile = passwords });
        var factory = new MqttClientFactory();
        using var client = factory.CreateMqttClient();

        var refused = await ConnectOrRefusalAsync(client, Options(server, "sensor-101", "sensor-101", "wrong-secret"));
        var anonymous = await ConnectOrRefusalAsync(client, Options(server, "anonymous"));
        var accepted = await ConnectOrRefusalAsync(client, Options(server, "sensor-101", "sensor-101", "right-secret"));

        Assert.NotEqual(MqttClientConnectResultCode.Success, refused);
        Assert.NotEqual(MqttClientConnectResultCode.Success, anonymous);
        Assert.Equal(MqttClientConnectResultCode.Success, accepted);
    }

    [Fact]
    public async Task MosquittoServer_WithAnAcl_DropsAPublishOutsideTheAllowedTopics()
    {
        var passwords = await MosquittoPasswordFile.CreateAsync(new Dictionary<string, string>
        {
            ["sensor-101"] = "s",
            ["edge"] = "e",
        });
        await using var server = await MosquittoServer.StartAsync(new MosquittoOptions
        {
            PasswordFile = passwords,
            AclLines = ["user edge", "topic read #", "user sensor-101", "topic write occupancy/v1/hq/desk/sensor-101/#"],
        });
        var factory = new MqttClientFactory();
        using var edge = factory.CreateMqttClient();
        using var sensor = factory.CreateMqttClient();
        var received = new ConcurrentQueue<string>();
        edge.ApplicationMessageReceivedAsync += e =>
        {
            received.Enqueue(e.ApplicationMessage.Topic);
            return Task.CompletedTask;
        };
        await edge.ConnectAsync(Options(server, "edge", "edge", "e"));
        await edge.SubscribeAsync(factory.CreateSubscribeOptionsBuilder().WithTopicFilter("#", MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await sensor.ConnectAsync(Options(server, "sensor-101", "sensor-101", "s"));

        var forbidden = await sensor.PublishAsync(Message("occupancy/v1/hq/desk/sensor-999/state"));
        var allowed = await sensor.PublishAsync(Message("occupancy/v1/hq/desk/sensor-101/state"));

        await Eventually.Until(() => !received.IsEmpty, Patience, "the edge receives the allowed publish");
        Assert.Equal("occupancy/v1/hq/desk/sensor-101/state", Assert.Single(received));
        Assert.True((int)forbidden.ReasonCode >= 0x80, $"forbidden publish answered {forbidden.ReasonCode}");
        Assert.True((int)allowed.ReasonCode < 0x80, $"allowed publish answered {allowed.ReasonCode}");
    }

    [Fact]
    public async Task MosquittoServer_AfterRestart_AcceptsClientsOnTheSamePort()
    {
        await using var server = await MosquittoServer.StartAsync();
        var port = server.Port;
        var firstPid = server.ProcessId;

        await server.RestartAsync();

        Assert.Equal(port, server.Port);
        Assert.False(ProcessTable.IsRunning(firstPid, "mosquitto"));
        using var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(Options(server, "after-restart"));
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
    }

    [Fact]
    public async Task MosquittoServer_AfterDispose_LeavesNoProcessAndNoConfigFolder()
    {
        var server = await MosquittoServer.StartAsync();
        var pid = server.ProcessId;
        var folder = server.ConfigFolder;
        Assert.True(ProcessTable.IsRunning(pid, "mosquitto"));

        await server.DisposeAsync();

        Assert.False(ProcessTable.IsRunning(pid, "mosquitto"));
        Assert.False(Directory.Exists(folder));
        Assert.False(await FreeTcpPort.AcceptsConnectionsAsync(server.Port));
    }

    private static MqttClientOptions Options(MosquittoServer server, string clientId, string? user = null, string? password = null)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(server.Host, server.Port)
            .WithClientId(clientId)
            .WithTimeout(Patience);
        if (user is not null)
        {
            builder.WithCredentials(user, password);
        }

        return builder.Build();
    }

    private static MqttApplicationMessage Message(string topic) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload("{}")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();

    // MQTTnet 5 does not throw on a refused login: the refusal is in the result code.
    private static async Task<MqttClientConnectResultCode> ConnectOrRefusalAsync(IMqttClient client, MqttClientOptions options)
    {
        var result = await client.ConnectAsync(options);
        if (result.ResultCode == MqttClientConnectResultCode.Success)
        {
            await client.DisconnectAsync();
        }

        return result.ResultCode;
    }
}
