using Microsoft.Extensions.Options;
using MQTTnet;
using Occupancy.Edge.Ingest;
using Occupancy.Edge.Options;
using Occupancy.Firmware.Contract;

namespace Occupancy.Edge.Mqtt;

/// <summary>
/// External-broker mode's lane for door readers: their access requests come in on a connection and
/// a shared subscription of their own, and the unlock commands go out on it. On the desk reports'
/// connection a tap would queue behind every report the broker has in flight to the edge (up to a
/// thousand during a burst) and its command behind their acknowledgements; here it waits for
/// nothing but its own decision. Several edge instances split the doors' requests
/// the same way they split the desks' reports.
/// </summary>
public sealed class ExternalDoorRequests(
    IOptions<MqttOptions> options,
    IOptions<EdgeOptions> edgeOptions,
    DeviceMessageHandler handler,
    ILogger<ExternalDoorRequests> logger)
    : ExternalBrokerLane(options.Value.External, edgeOptions.Value.SiteId, handler, logger, LaneSettings), IDeviceCommandPublisher
{
    /// <summary>The suffix of this lane's client id, after the desk reports' one.</summary>
    public const string ClientIdSuffix = "-doors";

    // Each request's PUBACK is sent before the next one's: a lane of a few taps a second needs no more.
    private static readonly Settings LaneSettings = new("Door requests", ClientIdSuffix, ReceiveMaximum: 100, AcknowledgementsInFlight: 0);

    /// <summary>Publishes a command through the external broker, which delivers it to the device.</summary>
    public async Task PublishCommandAsync(string topic, string payload, CancellationToken cancellationToken)
    {
        var client = Client is { IsConnected: true } c ? c : throw new InvalidOperationException("not connected to the external broker");
        var message = IDeviceCommandPublisher.CommandMessage(topic, payload);
        var result = await client.PublishAsync(message, cancellationToken);

        // MQTT 5 brokers answer a publish their ACL forbids with a refusal in the PUBACK, not an error.
        if ((int)result.ReasonCode >= 0x80)
        {
            throw new InvalidOperationException($"the broker refused the command on {topic}: {result.ReasonCode} (check that its ACL lets the edge write the doors' cmd/unlock)");
        }
    }

    protected override async Task SubscribeAsync(IMqttClient client, bool sessionPresent, CancellationToken stoppingToken)
    {
        if (sessionPresent)
        {
            return;
        }

        await SubscribeOrThrowAsync(client, [SharedFilter($"{DeviceKinds.Door}/+/{Channels.AccessRequest}")], stoppingToken);
    }
}
