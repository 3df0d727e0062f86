using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Occupancy.Edge.Ingest;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Options;
using Occupancy.Firmware.Contract;

namespace Occupancy.Edge.Mqtt;

/// <summary>
/// The MQTT broker inside the edge (DESIGN.md D2): devices connect here, and each publish is
/// checked and applied in-process before the device gets its PUBACK.
/// </summary>
public sealed partial class EmbeddedBroker(
    IOptions<MqttOptions> options,
    IOptions<EdgeOptions> edgeOptions,
    DeviceLogin login,
    DeviceMessageHandler handler,
    SiteDirectory site,
    ILogger<EmbeddedBroker> logger) : IHostedService, IAsyncDisposable, IDeviceCommandPublisher
{
    private readonly MqttOptions _options = options.Value;
    private readonly string _siteId = edgeOptions.Value.SiteId;
    private const string ProtocolVersionKey = "occupancy.protocol-version";

    private MqttServer? _server;
    private BrokerListener? _listener;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connections = BrokerListener.CreateHandler();
        _server = new MqttServerFactory().CreateMqttServer(BrokerListener.ServerOptions(), [connections]);
        _server.ValidatingConnectionAsync += ValidateConnectionAsync;
        _server.InterceptingPublishAsync += InterceptPublishAsync;
        _server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
        _server.ClientConnectedAsync += e =>
        {
            e.SessionItems[ProtocolVersionKey] = e.ProtocolVersion;
            return Task.CompletedTask;
        };
        await _server.StartAsync();
        site.Changed += OnSiteChanged;
        _listener = await BrokerListener.StartAsync(_options, connections, cancellationToken);
        if (_options.Port != 0)
        {
            LogListening(logger, "MQTT", _options.BindAddress, _options.Port, _siteId);
        }

        if (_options.Tls.Enabled)
        {
            LogListening(logger, "MQTT over TLS", _options.Tls.BindAddress, _options.Tls.Port, _siteId);
        }
    }

    /// <summary>Delivers a command from the broker itself to whoever subscribed (the device's own topic only).</summary>
    public async Task PublishCommandAsync(string topic, string payload, CancellationToken cancellationToken)
    {
        var server = _server ?? throw new InvalidOperationException("the embedded broker is not running");
        var message = IDeviceCommandPublisher.CommandMessage(topic, payload);
        await server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message), cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The server first: it closes the devices' connections, so the sockets then stop at once.
        if (_server is not null)
        {
            await _server.StopAsync();
        }

        await StopListeningAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
            _server.Dispose();
            _server = null;
        }

        await StopListeningAsync();
    }

    private async Task StopListeningAsync()
    {
        if (_listener is not null)
        {
            await _listener.DisposeAsync();
            _listener = null;
        }
    }

    private void OnSiteChanged(global::Occupancy.Uplink.SiteConfig config) => _ = DisconnectWithdrawnAsync();

    /// <summary>A device the new configuration no longer admits (removed, or its login withdrawn on the server) is disconnected now, not at its next login.</summary>
    private async Task DisconnectWithdrawnAsync()
    {
        try
        {
            if (_server is not { } server)
            {
                return;
            }

            foreach (var client in await server.GetClientsAsync())
            {
                if (!login.StillAllowed(client.Id))
                {
                    LogWithdrawn(logger, client.Id);
                    await client.DisconnectAsync(new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.NotAuthorized });
                }
            }
        }
        catch (Exception ex)
        {
            // The device's next login is refused all the same.
            LogDisconnectFailed(logger, ex);
        }
    }

    private Task ValidateConnectionAsync(ValidatingConnectionEventArgs e)
    {
        e.ReasonCode = login.Check(e.ClientId, e.UserName, e.Password);
        return Task.CompletedTask;
    }

    private async Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        if (string.IsNullOrEmpty(e.ClientId))
        {
            return; // the broker's own messages
        }

        // The device's PUBACK waits for this: it is sent only after the message is on disk.
        var outcome = await handler.IngestAsync(e.ClientId, e.ApplicationMessage.Topic, e.ApplicationMessage.Payload, e.CancellationToken);
        switch (outcome)
        {
            case IngestOutcome.Recorded when !e.ApplicationMessage.Retain:
                // Handled here, and no one else may subscribe to a device's reports (see
                // InterceptSubscriptionAsync): skip the broker's dispatch, which would otherwise
                // walk every subscribed session (each device's commands) for every message.
                // Retained messages (a device's online/offline status) still go through, to be kept.
                e.ProcessPublish = false;
                break;

            case IngestOutcome.Refused:
                // Counted and logged. MQTT 5 devices see the refusal in the PUBACK; over MQTT 3.1.1
                // the PUBACK cannot say no, and the message is dropped all the same.
                e.ProcessPublish = false;
                e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
                break;

            case IngestOutcome.NotRecorded:
                // Not on disk, so never acknowledged. MQTT 5 says so in the PUBACK and the device
                // sends it again; an MQTT 3.1.1 PUBACK always means success, so for those devices
                // the connection is closed with the publish unacknowledged, to be resent on reconnect.
                e.ProcessPublish = false;
                e.Response.ReasonCode = MqttPubAckReasonCode.ImplementationSpecificError;
                e.CloseConnection = !SpeaksMqtt5(e.SessionItems);
                break;
        }
    }

    private static bool SpeaksMqtt5(System.Collections.IDictionary sessionItems) =>
        sessionItems[ProtocolVersionKey] is MQTTnet.Formatter.MqttProtocolVersion.V500;

    private Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        // A device may subscribe only below its own topics (its commands and config arrive there).
        string filter = e.TopicFilter.Topic;
        bool own = filter.StartsWith(DeviceTopic.Build(_siteId, DeviceKinds.Desk, e.ClientId, ""), StringComparison.Ordinal)
            || filter.StartsWith(DeviceTopic.Build(_siteId, DeviceKinds.Door, e.ClientId, ""), StringComparison.Ordinal);
        if (!own)
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Disconnected {ClientId}: the site configuration no longer admits it")]
    private static partial void LogWithdrawn(ILogger logger, string clientId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not disconnect devices whose login was withdrawn")]
    private static partial void LogDisconnectFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Protocol} broker listening on {Address}:{Port} for site {SiteId}")]
    private static partial void LogListening(ILogger logger, string protocol, string address, int port, string siteId);
}
