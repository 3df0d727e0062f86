using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Protocol;

namespace Occupancy.Firmware.Simulator.Tests;

/// <summary>A plain MQTT subscriber, as the edge or a person with mosquitto_sub would be.</summary>
public sealed class MqttProbe : IAsyncDisposable
{
    private readonly IMqttClient _client;

    private MqttProbe(IMqttClient client)
    {
        _client = client;
    }

    public ConcurrentQueue<ReceivedMessage> Messages { get; } = new();

    public static async Task<MqttProbe> SubscribeAsync(string host, int port, string topicFilter, string? user = null, string? password = null)
    {
        var factory = new MqttClientFactory();
        var client = factory.CreateMqttClient();
        var probe = new MqttProbe(client);
        client.ApplicationMessageReceivedAsync += e =>
        {
            var message = e.ApplicationMessage;
            probe.Messages.Enqueue(new ReceivedMessage(message.Topic, message.ConvertPayloadToString(), message.Retain));
            return Task.CompletedTask;
        };
        var options = factory.CreateClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId("probe-" + Guid.NewGuid().ToString("N"))
            .WithCleanStart(true);
        if (user is not null)
        {
            options.WithCredentials(user, password);
        }

        var connected = await client.ConnectAsync(options.Build());
        Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);
        await client.SubscribeAsync(factory.CreateSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(topicFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build());
        return probe;
    }

    /// <summary>Publishes at QoS 1, as the edge does its config (retained) and commands (never retained).</summary>
    public async Task PublishAsync(string topic, string payload, bool retain)
    {
        await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
    }

    public IEnumerable<ReceivedMessage> On(string topic) => Messages.Where(m => m.Topic == topic);

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
