using System.Buffers;
using Occupancy.Edge.Occupancy;
using Occupancy.Firmware.Contract;
using Occupancy.Uplink;
using Microsoft.Extensions.Options;
using Occupancy.Edge.Options;

namespace Occupancy.Edge.Ingest;

/// <summary>
/// Checks and applies one message a device published: the topic must be the device's own,
/// of its kind, on a channel its kind may use, with a payload the contract accepts.
/// Anything else is refused and counted, and changes nothing.
/// </summary>
public sealed class DeviceMessageHandler(
    SiteDirectory site,
    OccupancyEngine engine,
    EdgeEvents events,
    RejectionCounter rejections,
    TimeProvider time,
    IOptions<EdgeOptions> edgeOptions,
    IOptions<MqttOptions> mqttOptions)
{
    private readonly string _siteId = edgeOptions.Value.SiteId;
    private readonly int _maxPayloadBytes = mqttOptions.Value.MaxPayloadBytes;

    /// <summary>
    /// Handles a publish of device <paramref name="clientId"/>; completes with false when it was
    /// refused. Completes only once an accepted message is recorded, so the caller may
    /// acknowledge the device then.
    /// </summary>
    public Task<bool> HandleAsync(string clientId, string topic, ReadOnlySequence<byte> payload, CancellationToken cancellationToken)
    {
        _ = cancellationToken; // recording is in memory for now; the durable outbox will use it
        return Task.FromResult(payload.IsSingleSegment ? Handle(clientId, topic, payload.FirstSpan) : Handle(clientId, topic, payload.ToArray()));
    }

    private bool Handle(string clientId, string topic, ReadOnlySpan<byte> payload)
    {
        if (!DeviceTopic.TryParse(topic, out var parsed))
        {
            return Reject(RejectionReasons.MalformedTopic, clientId, topic, "not an occupancy/v1 device topic");
        }

        if (parsed.Site != _siteId || parsed.DeviceId != clientId)
        {
            return Reject(RejectionReasons.ForeignTopic, clientId, topic, "a device may publish only under its own topic");
        }

        if (payload.Length > _maxPayloadBytes)
        {
            return Reject(RejectionReasons.Oversized, clientId, topic, $"{payload.Length} bytes, limit {_maxPayloadBytes}");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(payload);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return Reject(RejectionReasons.MalformedPayload, clientId, topic, "payload is not UTF-8");
        }

        return parsed.Kind switch
        {
            DeviceKinds.Desk when site.TryGetDesk(clientId, out var desk) => HandleDesk(desk, parsed, text, clientId, topic),
            DeviceKinds.Door when site.TryGetDoor(clientId, out var door) => HandleDoor(door, parsed, text, clientId, topic),
            _ => Reject(RejectionReasons.UnknownDevice, clientId, topic, $"no {parsed.Kind} with device id '{clientId}' in the site configuration"),
        };
    }

    private bool HandleDesk(DeskConfig desk, DeviceTopic topic, string payload, string clientId, string rawTopic)
    {
        switch (topic.Channel)
        {
            case Channels.State:
                if (!DeskStateMessage.TryDecode(payload, out var message, out var error))
                {
                    return Reject(RejectionReasons.MalformedPayload, clientId, rawTopic, error);
                }

                var change = engine.ApplyReport(desk, message, out _);
                if (change is not null)
                {
                    events.Publish(change);
                }

                return true;

            case Channels.Status:
                return HandleStatus(payload, clientId, rawTopic, () => engine.MarkUnknown(desk, time.GetUtcNow().ToUnixTimeMilliseconds()));

            default:
                return Reject(RejectionReasons.UnsupportedChannel, clientId, rawTopic, $"desk sensors do not publish on '{topic.Channel}'");
        }
    }

    private bool HandleDoor(DoorConfig door, DeviceTopic topic, string payload, string clientId, string rawTopic)
    {
        switch (topic.Channel)
        {
            case Channels.DoorContact:
                if (!DoorContactMessage.TryDecode(payload, out var message, out var error))
                {
                    return Reject(RejectionReasons.MalformedPayload, clientId, rawTopic, error);
                }

                events.Publish(new DoorContactEvent(door.DoorId, message.IsOpen, message.Header.TimestampMs, message.Header.Seq));
                return true;

            case Channels.Status:
                return HandleStatus(payload, clientId, rawTopic, () => null);

            default:
                return Reject(RejectionReasons.UnsupportedChannel, clientId, rawTopic, $"door readers do not publish on '{topic.Channel}'");
        }
    }

    private bool HandleStatus(string payload, string clientId, string topic, Func<DeskChange?> markUnknown)
    {
        if (payload == StatusPayloads.Online)
        {
            return true;
        }

        if (payload != StatusPayloads.Offline)
        {
            return Reject(RejectionReasons.MalformedPayload, clientId, topic, "status must be 'online' or 'offline'");
        }

        var change = markUnknown();
        if (change is not null)
        {
            events.Publish(change);
        }

        return true;
    }

    private bool Reject(string reason, string clientId, string topic, string detail)
    {
        rejections.Reject(reason, clientId, topic, detail);
        return false;
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
