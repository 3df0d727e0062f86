using Microsoft.Extensions.Options;
using MQTTnet;
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
public sealed class ExternalBrokerIngest(
    IOptions<MqttOptions> options,
    IOptions<EdgeOptions> edgeOptions,
    DeviceMessageHandler handler,
    ILogger<ExternalBrokerIngest> logger)
    : ExternalBrokerLane(options.Value.External, edgeOptions.Value.SiteId, handler, logger, LaneSettings)
{
    private static readonly Settings LaneSettings = new("Device reports", ClientIdSuffix: "", ReceiveMaximum: 1000, AcknowledgementsInFlight: 64);

    // Every device channel but the doors' access requests, which have a lane of their own (ExternalDoorRequests).
    private static readonly string[] DeviceChannels =
        [Channels.State, Channels.Status, Channels.DoorContact, Channels.Health, Channels.ConfigRejected, Channels.AccessResult, Channels.CommandRejected, Channels.Alarm];

    /// <summary>What sessions kept from earlier versions still hold: it took the access requests too.</summary>
    private const string EarlierEventsChannel = "evt/#";

    protected override async Task SubscribeAsync(IMqttClient client, bool sessionPresent, CancellationToken stoppingToken)
    {
        if (sessionPresent)
        {
            // A session from before the doors' lane would hand this connection the taps as well.
            await client.UnsubscribeAsync(SharedFilter($"+/+/{EarlierEventsChannel}"), stoppingToken);
            return;
        }

        await SubscribeOrThrowAsync(client, DeviceChannels.Select(channel => SharedFilter($"+/+/{channel}")), stoppingToken);
    }
}
