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
/// External-broker mode's lane for door readers: their access requests come in on a connection and
/// a shared subscription of their own, and the unlock commands go out on it. On the desk reports'
/// connection a tap would queue behind every report the broker has in flight to the edge (up to a
/// thousand during a burst) and its command behind their acknowledgements; here it waits for
/// nothing but its own decision being recorded. Several edge instances split the doors' requests
/// the same way they split the desks' reports.
/// </summary>
public sealed partial class ExternalDoorRequests(
    IOptions<MqttOptions> options,
    IOptions<EdgeOptions> edgeOptions,
    DeviceMessageHandler handler,
    ILogger<ExternalDoorRequests> logger) : BackgroundService, IDeviceCommandPublisher
{
    /// <summary>The suffix of this lane's client id, after the desk reports' one.</summary>
    public const string ClientIdSuffix = "-doors";

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private const ushort ReceiveMaximum = 100;

    private readonly ExternalBrokerOptions _options = options.Value.External;
    private readonly string _siteId = edgeOptions.Value.SiteId;
    private volatile bool _reconnectRequested;
    private IMqttClient? _client;

    /// <summary>True while subscribed to the doors' requests; readiness reports it.</summary>
    public bool IsConnected { get; private set; }

    /// <summary>Publishes a command through the external broker, which delivers it to the device.</summary>
    public async Task PublishCommandAsync(string topic, string payload, CancellationToken cancellationToken)
    {
        var client = _client is { IsConnected: true } c ? c : throw new InvalidOperationException("not connected to the external broker");
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(System.Text.Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(false)
            .Build();
        var result = await client.PublishAsync(message, cancellationToken);

        // MQTT 5 brokers answer a publish their ACL forbids with a refusal in the PUBACK, not an error.
        if ((int)result.ReasonCode >= 0x80)
        {
            throw new InvalidOperationException($"the broker refused the command on {topic}: {result.ReasonCode} (check that its ACL lets the edge write the doors' cmd/unlock)");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        _client = client;

        // Requests are handled side by side (each waits only for its own record), and acknowledged
        // in the order they arrived, as MQTT wants.
        var pending = Channel.CreateUnbounded<(MqttApplicationMessageReceivedEventArgs Message, Task<IngestOutcome> Outcome)>(
            new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var acknowledging = AcknowledgeInOrderAsync(pending.Reader, stoppingToken);
        client.ApplicationMessageReceivedAsync += e =>
        {
            e.AutoAcknowledge = false;
            string topic = e.ApplicationMessage.Topic;
            string deviceId = DeviceTopic.TryParse(topic, out var parsed) ? parsed.DeviceId : "";
            pending.Writer.TryWrite((e, handler.IngestAsync(deviceId, topic, e.ApplicationMessage.Payload, stoppingToken)));
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
                // A request could not be recorded: reconnecting makes the broker deliver it again.
                _reconnectRequested = false;
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), stoppingToken);
            }
        }

        pending.Writer.TryComplete();
        if (client.IsConnected)
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        }

        await acknowledging;
    }

    private async Task AcknowledgeInOrderAsync(ChannelReader<(MqttApplicationMessageReceivedEventArgs Message, Task<IngestOutcome> Outcome)> pending, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (message, outcome) in pending.ReadAllAsync(stoppingToken))
            {
                if (await outcome == IngestOutcome.NotRecorded)
                {
                    _reconnectRequested = true;
                    continue;
                }

                try
                {
                    await message.AcknowledgeAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The connection is gone: the broker delivers the request again and the edge
                    // gives the same answer (same nonce, same reader sequence number).
                    LogAcknowledgementLost(logger, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever was not acknowledged is delivered again to the next session.
        }
    }

    private async Task<bool> TryConnectAsync(IMqttClient client, CancellationToken stoppingToken)
    {
        try
        {
            var result = await client.ConnectAsync(ClientOptions(), stoppingToken);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                LogRefused(logger, _options.Host, _options.Port, result.ResultCode.ToString());
                return false;
            }

            if (!result.IsSessionPresent)
            {
                string filter = $"$share/{_options.SharedGroup}/{DeviceTopic.Root}/{_siteId}/{DeviceKinds.Door}/+/{Channels.AccessRequest}";
                var subscribed = await client.SubscribeAsync(
                    new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build(), stoppingToken);
                if (subscribed.Items.Any(i => (int)i.ResultCode >= 0x80))
                {
                    throw new InvalidOperationException($"the broker refused the edge's subscription to {filter} (check its ACL)");
                }
            }

            IsConnected = true;
            LogConnected(logger, _options.Host, _options.Port, _options.SharedGroup);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogUnreachable(logger, _options.Host, _options.Port, ex.Message);
            return false;
        }
    }

    private MqttClientOptions ClientOptions()
    {
        string ingestId = _options.ClientId.Length > 0 ? _options.ClientId : $"edge-{_siteId}-{Environment.MachineName.ToLowerInvariant()}";
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.Host, _options.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(ingestId + ClientIdSuffix)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)_options.SessionExpiry.TotalSeconds)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Door requests: subscribed to the broker at {Host}:{Port} in shared group {Group}")]
    private static partial void LogConnected(ILogger logger, string host, int port, string group);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not acknowledge a door request to the broker ({Error}); it will be delivered again")]
    private static partial void LogAcknowledgementLost(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The broker at {Host}:{Port} refused the door lane's login: {Reason}")]
    private static partial void LogRefused(ILogger logger, string host, int port, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Door requests: broker at {Host}:{Port} unreachable: {Error}")]
    private static partial void LogUnreachable(ILogger logger, string host, int port, string error);
}
