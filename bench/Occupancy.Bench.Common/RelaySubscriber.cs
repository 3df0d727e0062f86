using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Occupancy.Testing;

namespace Occupancy.Bench.Common;

/// <summary>
/// The bare relay's far end: one plain MQTTnet client on mosquitto, subscribed at QoS 1, that only counts what
/// arrives. It is the reference a subscriber that does real work (the edge, Node-RED) is measured against, so it must
/// never look faster than it is by losing messages: a lost connection (whose clean session would drop everything
/// still queued for it) or a stall ends the run at once, with the reason and mosquitto's last log lines.
/// </summary>
public sealed class RelaySubscriber : IAsyncDisposable
{
    /// <summary>Unacknowledged messages mosquitto may have in flight to the subscriber: the edge asks for the same.</summary>
    public const ushort ReceiveMaximum = 1000;

    private readonly MosquittoServer _broker;
    private readonly IMqttClient _client;
    private long _received;
    private long _lastArrivalTicks = Environment.TickCount64;
    private volatile string? _lost;

    private RelaySubscriber(MosquittoServer broker, IMqttClient client)
    {
        _broker = broker;
        _client = client;
    }

    public long Received => Interlocked.Read(ref _received);

    public static async Task<RelaySubscriber> ConnectAsync(MosquittoServer broker, string topicFilter, string clientId = "relay-subscriber")
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var subscriber = new RelaySubscriber(broker, client);
        client.ApplicationMessageReceivedAsync += _ =>
        {
            Interlocked.Increment(ref subscriber._received);
            Volatile.Write(ref subscriber._lastArrivalTicks, Environment.TickCount64);
            return Task.CompletedTask;
        };
        client.DisconnectedAsync += e =>
        {
            subscriber._lost ??= $"the subscriber lost its connection ({e.Reason}{(e.ReasonString is { Length: > 0 } s ? ": " + s : "")}{(e.Exception is { } ex ? ", " + ex.Message : "")})";
            return Task.CompletedTask;
        };
        var connected = await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithReceiveMaximum(ReceiveMaximum)
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build());
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the relay subscriber could not connect: {connected.ResultCode}");
        }

        var subscribed = await client.SubscribeAsync(topicFilter, MqttQualityOfServiceLevel.AtLeastOnce);
        if (subscribed.Items.Any(i => (int)i.ResultCode >= 0x80))
        {
            throw new InvalidOperationException($"mosquitto refused the relay subscription to {topicFilter}");
        }

        return subscriber;
    }

    /// <summary>
    /// Waits until <paramref name="total"/> messages have arrived since connecting. Fails at once when the connection
    /// drops, and when nothing has arrived for <paramref name="stall"/> once <paramref name="publishing"/> is done.
    /// </summary>
    public async Task WaitForAsync(long total, Task publishing, TimeSpan stall)
    {
        while (Received < total)
        {
            if (_lost is { } lost)
            {
                throw Failure($"{lost} after {Received:N0} of {total:N0} messages");
            }

            if (publishing.IsFaulted)
            {
                await publishing; // the publisher's own error says more
            }

            var quiet = TimeSpan.FromMilliseconds(Environment.TickCount64 - Volatile.Read(ref _lastArrivalTicks));
            if (publishing.IsCompleted && quiet > stall)
            {
                throw Failure($"the subscriber received {Received:N0} of {total:N0} messages and nothing more for {quiet.TotalSeconds:F0} s while still connected");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Messages beyond what was published mean the relay delivered something twice.</summary>
    public void ThrowIfMoreThan(long total)
    {
        if (Received > total)
        {
            throw Failure($"the subscriber received {Received:N0} messages, {total:N0} were published (QoS 1 duplicates)");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }

    private InvalidOperationException Failure(string what) =>
        new($"relay reference failed: {what}. mosquitto's last output:{Environment.NewLine}{_broker.OutputTail}");
}
