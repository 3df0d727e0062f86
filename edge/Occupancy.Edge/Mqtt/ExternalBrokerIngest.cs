using System.Threading.Channels;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Occupancy.Edge.Ingest;
using Occupancy.Edge.Options;
using Occupancy.Firmware.Contract;

namespace Occupancy.Edge.Mqtt;

/// <summary>
/// External-broker mode (DESIGN.md D2): the edge is a client of an existing broker or cluster.
/// Devices log in to that broker, whose ACL keeps each one under its own topic; the edge takes
/// the site's device channels through MQTT 5 shared subscriptions, so several edge instances
/// split the traffic and each message reaches exactly one of them. A message is acknowledged
/// to the broker only after it is handled, and the session outlives restarts, so the broker
/// redelivers whatever this instance had not acknowledged.
/// </summary>
public sealed partial class ExternalBrokerIngest(
    IOptions<MqttOptions> options,
    IOptions<EdgeOptions> edgeOptions,
    DeviceMessageHandler handler,
    ILogger<ExternalBrokerIngest> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private const ushort ReceiveMaximum = 1000;
    private const int MaxAcknowledgementsInFlight = 64;

    // Every device channel but the doors' access requests, which have a lane of their own (ExternalDoorRequests).
    private static readonly string[] DeviceChannels =
        [Channels.State, Channels.Status, Channels.DoorContact, Channels.Health, Channels.ConfigRejected, Channels.AccessResult, Channels.CommandRejected, Channels.Alarm];

    /// <summary>What sessions kept from earlier versions still hold: it took the access requests too.</summary>
    private const string EarlierEventsChannel = "evt/#";

    private readonly ExternalBrokerOptions _options = options.Value.External;
    private volatile bool _reconnectRequested;
    private readonly string _siteId = edgeOptions.Value.SiteId;

    /// <summary>True while subscribed; readiness reports it.</summary>
    public bool IsConnected { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();

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
            string deviceId = DeviceTopic.TryParse(topic, out var parsed) ? parsed.DeviceId : "";
            var outcome = handler.IngestAsync(deviceId, topic, e.ApplicationMessage.Payload, stoppingToken);
            pending.Writer.TryWrite(new PendingAcknowledgement(e, outcome));
            return Task.CompletedTask;
        };
        client.DisconnectedAsync += e =>
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
                while (sending.Count > 0 && (sending.Peek().IsCompleted || sending.Count > MaxAcknowledgementsInFlight))
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
            // recognises the repeat (same device sequence number, same InfluxDB point).
            LogAcknowledgementLost(logger, ex.Message);
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
                LogRefused(logger, _options.Host, _options.Port, result.ResultCode.ToString());
                return false;
            }

            if (!result.IsSessionPresent)
            {
                await SubscribeAsync(client, stoppingToken);
            }
            else
            {
                // A session from before the doors' lane would hand this connection the taps as well.
                await client.UnsubscribeAsync($"$share/{_options.SharedGroup}/{DeviceTopic.Root}/{_siteId}/+/+/{EarlierEventsChannel}", stoppingToken);
            }

            IsConnected = true;
            LogConnected(logger, _options.Host, _options.Port, _options.SharedGroup, result.IsSessionPresent);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogUnreachable(logger, _options.Host, _options.Port, ex.Message);
            return false;
        }
    }

    private async Task SubscribeAsync(IMqttClient client, CancellationToken stoppingToken)
    {
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (string channel in DeviceChannels)
        {
            string filter = $"$share/{_options.SharedGroup}/{DeviceTopic.Root}/{_siteId}/+/+/{channel}";
            subscribe = subscribe.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        var result = await client.SubscribeAsync(subscribe.Build(), stoppingToken);
        var refused = result.Items.Where(i => (int)i.ResultCode >= 0x80).Select(i => $"{i.TopicFilter.Topic}: {i.ResultCode}").ToArray();
        if (refused.Length > 0)
        {
            throw new InvalidOperationException("the broker refused the edge's subscriptions (check its ACL): " + string.Join("; ", refused));
        }
    }

    private MqttClientOptions ClientOptions()
    {
        string clientId = _options.ClientId.Length > 0 ? _options.ClientId : $"edge-{_siteId}-{Environment.MachineName.ToLowerInvariant()}";
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.Host, _options.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)_options.SessionExpiry.TotalSeconds)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            // Room for many unacknowledged messages: they are acknowledged a group commit at a time.
            .WithReceiveMaximum(ReceiveMaximum);
        if (_options.Username.Length > 0)
        {
            builder = builder.WithCredentials(_options.Username, _options.Password);
        }

        if (_options.UseTls)
        {
            builder = builder.WithTlsOptions(o => o.UseTls());
        }

        return builder.Build();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscribed to the broker at {Host}:{Port} in shared group {Group} (session kept: {SessionPresent})")]
    private static partial void LogConnected(ILogger logger, string host, int port, string group, bool sessionPresent);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not acknowledge a message to the broker ({Error}); it will be delivered again")]
    private static partial void LogAcknowledgementLost(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The broker at {Host}:{Port} refused the edge's login: {Reason}")]
    private static partial void LogRefused(ILogger logger, string host, int port, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker at {Host}:{Port} unreachable: {Error}")]
    private static partial void LogUnreachable(ILogger logger, string host, int port, string error);
}
