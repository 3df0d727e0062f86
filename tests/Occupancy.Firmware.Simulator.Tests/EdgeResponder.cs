using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Protocol;
using Occupancy.Firmware.Contract;

namespace Occupancy.Firmware.Simulator.Tests;

/// <summary>
/// The edge's side of door access for tests: answers every access request of a site with a
/// signed command from the same contract classes the edge compiles — grant or deny as the test
/// decides, or nothing at all.
/// </summary>
public sealed class EdgeResponder : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly Func<string, byte[]> _keyOf;

    private EdgeResponder(IMqttClient client, Func<string, byte[]> keyOf)
    {
        _client = client;
        _keyOf = keyOf;
    }

    /// <summary>Decides a request: true grants, false denies, null stays silent.</summary>
    public Func<AccessRequestMessage, bool?> Decide { get; set; } = _ => true;

    public ConcurrentQueue<AccessRequestMessage> Requests { get; } = new();

    public static async Task<EdgeResponder> StartAsync(string host, int port, string site, Func<string, byte[]> keyOf)
    {
        var factory = new MqttClientFactory();
        var client = factory.CreateMqttClient();
        var responder = new EdgeResponder(client, keyOf);
        client.ApplicationMessageReceivedAsync += responder.OnRequestAsync;
        await client.ConnectAsync(factory.CreateClientOptionsBuilder().WithTcpServer(host, port).WithClientId("edge-" + Guid.NewGuid().ToString("N")).Build());
        await client.SubscribeAsync(factory.CreateSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(DeviceTopic.Build(site, DeviceKinds.Door, "+", Channels.AccessRequest)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build());
        return responder;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }

    private async Task OnRequestAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        if (!DeviceTopic.TryParse(e.ApplicationMessage.Topic, out var topic)
            || !AccessRequestMessage.TryDecode(e.ApplicationMessage.ConvertPayloadToString(), out var request, out _))
        {
            return;
        }

        Requests.Enqueue(request);
        bool? grant = Decide(request);
        if (grant is null)
        {
            return;
        }

        // Expiry in the reader's clock (the request's ts): simulated readers live in simulated time.
        var command = new CommandSigner(_keyOf(topic.DeviceId)).Answer(topic.DeviceId, request, grant.Value, 0);
        await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(DeviceTopic.Build(topic.Site, DeviceKinds.Door, topic.DeviceId, Channels.Unlock))
            .WithPayload(command.Encode())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
    }
}
