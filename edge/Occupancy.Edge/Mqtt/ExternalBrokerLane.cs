using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Occupancy.Edge.Ingest;
using Occupancy.Edge.Options;

namespace Occupancy.Edge.Mqtt;

/// <summary>
/// One connection of the edge to an external broker (DESIGN.md D2), with what every such connection
/// needs: a persistent MQTT 5 session, reconnection with backoff, and messages handled side by side
/// but acknowledged in arrival order once recorded. A message that could not be recorded stays
/// unacknowledged and the session reconnects, so the broker delivers it again. Subclasses say what
/// the connection subscribes to.
/// </summary>
public abstract partial class ExternalBrokerLane(
    ExternalBrokerOptions options,
    string siteId,
    DeviceMessageHandler handler,
    ILogger logger,
    ExternalBrokerLane.Settings settings) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private volatile bool _reconnectRequested;

    /// <summary>How a lane differs: its name in logs, its client id suffix and its flow-control limits.</summary>
    /// <param name="Name">The lane's name in log lines.</param>
    /// <param name="ClientIdSuffix">Appended to the edge's client id, so each lane has a session of its own.</param>
    /// <param name="ReceiveMaximum">How many unacknowledged messages the broker may have in flight to this lane.</param>
    /// <param name="AcknowledgementsInFlight">How many PUBACKs may wait for the socket at once (0: one at a time).</param>
    public sealed record Settings(string Name, string ClientIdSuffix, ushort ReceiveMaximum, int AcknowledgementsInFlight);

    protected ExternalBrokerOptions Options { get; } = options;

    protected string SiteId { get; } = siteId;

    /// <summary>The connected client, for lanes that also publish.</summary>
    protected IMqttClient? Client { get; private set; }

    /// <summary>True while subscribed; readiness reports it.</summary>
    public bool IsConnected { get; private set; }

    /// <summary>The shared-subscription filter of this site's devices for <paramref name="deviceFilter"/> (kind/id/channel).</summary>
    protected string SharedFilter(string deviceFilter) => $"$share/{Options.SharedGroup}/{Firmware.Contract.DeviceTopic.Root}/{SiteId}/{deviceFilter}";

    /// <summary>Subscribes to <paramref name="filters"/> at QoS 1; throws, naming each filter refused, when the broker's ACL says no.</summary>
    protected static async Task SubscribeOrThrowAsync(IMqttClient client, IEnumerable<string> filters, CancellationToken stoppingToken)
    {
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (string filter in filters)
        {
            subscribe = subscribe.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        var result = await client.SubscribeAsync(subscribe.Build(), stoppingToken);
        var refused = result.Items.Where(i => (int)i.ResultCode >= 0x80).Select(i => $"{i.TopicFilter.Topic}: {i.ResultCode}").ToArray();
        if (refused.Length > 0)
        {
            throw new InvalidOperationException("the broker refused the edge's subscriptions (check its ACL): " + string.Join("; ", refused));
        }
    }

    /// <summary>Subscribes a new session (or tidies a kept one); throws when the broker refuses.</summary>
    protected abstract Task SubscribeAsync(IMqttClient client, bool sessionPresent, CancellationToken stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        Client = client;

        // The client hands over one message at a time and waits for the handler before the next.
        // Waiting there for the outbox's fsync would let one message through per disk flush; so the
        // handler only checks and appends (in arrival order), and the acknowledgements follow in
        // that same order as their records reach the disk, many messages sharing one fsync.
        var pending = Channel.CreateUnbounded<PendingAcknowledgement>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var acknowledging = AcknowledgeInOrderAsync(pending.Reader, stoppingToken);
        client.ApplicationMessageReceivedAsync += e =>
        {
            // Acknowledge only once the message is recorded, or refused for good (and counted).
            e.AutoAcknowledge = false;
            string topic = e.ApplicationMessage.Topic;
            string deviceId = Firmware.Contract.DeviceTopic.TryParse(topic, out var parsed) ? parsed.DeviceId : "";
            var outcome = handler.IngestAsync(deviceId, topic, e.ApplicationMessage.Payload, stoppingToken);
            pending.Writer.TryWrite(new PendingAcknowledgement(e, outcome));
            return Task.CompletedTask;
        };
        client.DisconnectedAsync += _ =>
        {
            IsConnected = false;
            return Task.CompletedTask;
        };

        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!client.IsConnected && !await TryConnectAsync(client, stoppingToken))
            {
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
                continue;
            }

            delay = TimeSpan.FromMilliseconds(250);
            await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken);
            if (_reconnectRequested)
            {
                // A message could not be recorded: reconnecting makes the broker deliver it again.
                _reconnectRequested = false;
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), stoppingToken);
                await Task.Delay(delay, stoppingToken);
            }
        }

        pending.Writer.TryComplete();
        if (client.IsConnected)
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        }

        await acknowledging;
    }

    private async Task AcknowledgeInOrderAsync(ChannelReader<PendingAcknowledgement> pending, CancellationToken stoppingToken)
    {
        // PUBACKs are sent without waiting for each socket write, but only so many at a time: an
        // unbounded queue behind the client's send lock would hold memory and delay its keep-alive
        // pings until the broker drops the connection.
        var sending = new Queue<Task>();
        try
        {
            await foreach (var (message, outcome) in pending.ReadAllAsync(stoppingToken))
            {
                if (await outcome == IngestOutcome.NotRecorded)
                {
                    // Left unacknowledged; the broker redelivers it when this session reconnects.
                    _reconnectRequested = true;
                    continue;
                }

                sending.Enqueue(AcknowledgeAsync(message, stoppingToken));
                while (sending.Count > 0 && (sending.Peek().IsCompleted || sending.Count > settings.AcknowledgementsInFlight))
                {
                    await sending.Dequeue();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever was not acknowledged is delivered again to the next session.
        }
    }

    private async Task AcknowledgeAsync(MqttApplicationMessageReceivedEventArgs message, CancellationToken stoppingToken)
    {
        try
        {
            await message.AcknowledgeAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The connection it came on is gone: the broker delivers it again, and the edge
            // recognises the repeat (same device sequence number or nonce: same record, same answer).
            LogAcknowledgementLost(logger, settings.Name, ex.Message);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the next session gets it again.
        }
    }

    private readonly record struct PendingAcknowledgement(MqttApplicationMessageReceivedEventArgs Message, Task<IngestOutcome> Outcome);

    private async Task<bool> TryConnectAsync(IMqttClient client, CancellationToken stoppingToken)
    {
        try
        {
            var result = await client.ConnectAsync(ClientOptions(), stoppingToken);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                // MQTTnet 5 reports a refused login here instead of throwing.
                LogRefused(logger, settings.Name, Options.Host, Options.Port, result.ResultCode.ToString());
                return false;
            }

            await SubscribeAsync(client, result.IsSessionPresent, stoppingToken);
            IsConnected = true;
            LogConnected(logger, settings.Name, Options.Host, Options.Port, Options.SharedGroup, result.IsSessionPresent);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogUnreachable(logger, settings.Name, Options.Host, Options.Port, ex.Message);
            return false;
        }
    }

    private MqttClientOptions ClientOptions()
    {
        string clientId = Options.ClientId.Length > 0 ? Options.ClientId : $"edge-{SiteId}-{Environment.MachineName.ToLowerInvariant()}";
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(Options.Host, Options.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId + settings.ClientIdSuffix)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)Options.SessionExpiry.TotalSeconds)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            // Room for many unacknowledged messages: they are acknowledged a group commit at a time.
            .WithReceiveMaximum(settings.ReceiveMaximum);
        if (Options.Username.Length > 0)
        {
            builder = builder.WithCredentials(Options.Username, Options.Password);
        }

        if (Options.UseTls)
        {
            builder = builder.WithTlsOptions(o => o.UseTls());
        }

        return builder.Build();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Lane}: subscribed to the broker at {Host}:{Port} in shared group {Group} (session kept: {SessionPresent})")]
    private static partial void LogConnected(ILogger logger, string lane, string host, int port, string group, bool sessionPresent);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Lane}: could not acknowledge a message to the broker ({Error}); it will be delivered again")]
    private static partial void LogAcknowledgementLost(ILogger logger, string lane, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Lane}: the broker at {Host}:{Port} refused the edge's login: {Reason}")]
    private static partial void LogRefused(ILogger logger, string lane, string host, int port, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Lane}: broker at {Host}:{Port} unreachable: {Error}")]
    private static partial void LogUnreachable(ILogger logger, string lane, string host, int port, string error);
}
