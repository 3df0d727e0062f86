using System.Net;
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
    SiteDirectory site,
    DeviceMessageHandler handler,
    ILogger<EmbeddedBroker> logger) : IHostedService, IAsyncDisposable
{
    private readonly MqttOptions _options = options.Value;
    private readonly string _siteId = edgeOptions.Value.SiteId;
    private MqttServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Parse(_options.BindAddress))
            .WithDefaultEndpointPort(_options.Port)
            .WithMaxPendingMessagesPerClient(10_000)
            .Build();

        _server = new MqttServerFactory().CreateMqttServer(serverOptions);
        _server.ValidatingConnectionAsync += ValidateConnectionAsync;
        _server.InterceptingPublishAsync += InterceptPublishAsync;
        _server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
        await _server.StartAsync();
        LogListening(logger, _options.BindAddress, _options.Port, _siteId);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
            _server.Dispose();
            _server = null;
        }
    }

    private Task ValidateConnectionAsync(ValidatingConnectionEventArgs e)
    {
        // Until the site configuration has arrived once, no device is known: ask devices to come
        // back later rather than refusing them for good.
        if (!site.IsLoaded)
        {
            e.ReasonCode = MqttConnectReasonCode.ServerUnavailable;
            return Task.CompletedTask;
        }

        bool known = site.TryGetDesk(e.ClientId, out _) || site.TryGetDoor(e.ClientId, out _);
        if (!known || e.UserName != e.ClientId)
        {
            LogRefusedLogin(logger, e.ClientId, e.UserName ?? "");
            e.ReasonCode = MqttConnectReasonCode.NotAuthorized;
        }

        return Task.CompletedTask;
    }

    private async Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        if (string.IsNullOrEmpty(e.ClientId))
        {
            return; // the broker's own messages
        }

        // The device's PUBACK waits for this: it is sent only after the message is recorded.
        bool accepted = await handler.HandleAsync(e.ClientId, e.ApplicationMessage.Topic, e.ApplicationMessage.Payload, e.CancellationToken);
        if (!accepted)
        {
            // MQTT 5 devices see the refusal in the PUBACK; it is also counted and logged.
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
        }
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT broker listening on {Address}:{Port} for site {SiteId}")]
    private static partial void LogListening(ILogger logger, string address, int port, string siteId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused the login of {ClientId} (user {UserName}): not a device of this site")]
    private static partial void LogRefusedLogin(ILogger logger, string clientId, string userName);
}
