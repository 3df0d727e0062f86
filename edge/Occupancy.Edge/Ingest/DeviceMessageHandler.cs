using System.Buffers;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Occupancy.Edge.Access;
using Occupancy.Edge.Mqtt;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Operations;
using Occupancy.Edge.Options;
using Occupancy.Edge.Outbox;
using Occupancy.Firmware.Contract;
using Occupancy.Uplink;

namespace Occupancy.Edge.Ingest;

/// <summary>
/// Checks and applies one message a device published: the topic must be the device's own,
/// of its kind, on a channel its kind may use, with a payload the contract accepts.
/// Anything else is refused and counted, and changes nothing. What is accepted is recorded in
/// the outbox, and the device's acknowledgement waits until it is on disk (a door's answer does not: see
/// DeviceMessageHandler.AccessRequests).
/// </summary>
public sealed partial class DeviceMessageHandler(
    SiteDirectory site,
    EventRecorder recorder,
    OutboxLog outbox,
    RejectionCounter rejections,
    TimeProvider time,
    IOptions<EdgeOptions> edgeOptions,
    IOptions<MqttOptions> mqttOptions,
    IServiceProvider? services = null,
    EdgeMetrics? metrics = null,
    DeskLiveness? liveness = null)
{
    // Resolved on first use: the brokers that publish commands depend on this handler.
    private readonly Lazy<DoorAccessService?> _access = new(() => services?.GetService<DoorAccessService>());
    private readonly Lazy<IDeviceCommandPublisher?> _commands = new(() => services?.GetService<IDeviceCommandPublisher>());
    private readonly Lazy<AnsweredRequests?> _answered = new(() => services?.GetService<AnsweredRequests>());
    private readonly Lazy<AccessJournal?> _journal = new(() => services?.GetService<AccessJournal>());

    private readonly string _siteId = edgeOptions.Value.SiteId;
    private readonly int _maxPayloadBytes = mqttOptions.Value.MaxPayloadBytes;

    /// <summary>
    /// Handles a publish of device <paramref name="clientId"/>; completes with false when it was
    /// refused, or when it could not be recorded (the device should send it again). Completes with
    /// true only once an accepted message is durably recorded, so the caller may acknowledge the
    /// device then.
    /// </summary>
    public async Task<bool> HandleAsync(string clientId, string topic, ReadOnlySequence<byte> payload, CancellationToken cancellationToken) =>
        await IngestAsync(clientId, topic, payload, cancellationToken) == IngestOutcome.Recorded;

    /// <summary>
    /// Like <see cref="HandleAsync"/>, and tells a refusal for good (the message is wrong: drop it)
    /// from one that may pass later (it could not be written: the device or broker must send it again).
    /// </summary>
    public async Task<IngestOutcome> IngestAsync(string clientId, string topic, ReadOnlySequence<byte> payload, CancellationToken cancellationToken)
    {
        var outcome = payload.IsSingleSegment ? Handle(clientId, topic, payload.FirstSpan) : Handle(clientId, topic, payload.ToArray());
        if (!outcome.Accepted)
        {
            return outcome.CouldPassLater ? IngestOutcome.NotRecorded : IngestOutcome.Refused;
        }

        // Not cancellable on purpose: the wait ends with the next commit or failed write (a few milliseconds), and a
        // cancellable wait would cost every message a registration; a device gone meanwhile just misses its PUBACK.
        var durable = outbox.WaitDurableAsync(outcome.WaitLsn);
        if (outcome.Answer is { } answer)
        {
            await AnswerDoorAsync(answer, durable, clientId, cancellationToken);
        }

        if (await durable)
        {
            return IngestOutcome.Recorded;
        }

        rejections.Reject(RejectionReasons.NotRecorded, clientId, topic, "the outbox could not write it to disk; the device should send it again");
        return IngestOutcome.NotRecorded;
    }

    private Recorded Handle(string clientId, string topic, ReadOnlySpan<byte> payload)
    {
        if (!DeviceTopic.TryParse(topic, out var parsed))
        {
            return Refuse(RejectionReasons.MalformedTopic, clientId, topic, "not an occupancy/v1 device topic");
        }

        if (parsed.Site != _siteId || parsed.DeviceId != clientId)
        {
            return Refuse(RejectionReasons.ForeignTopic, clientId, topic, "a device may publish only under its own topic");
        }

        if (payload.Length > _maxPayloadBytes)
        {
            return Refuse(RejectionReasons.Oversized, clientId, topic, $"{payload.Length} bytes, limit {_maxPayloadBytes}");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(payload);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return Refuse(RejectionReasons.MalformedPayload, clientId, topic, "payload is not UTF-8");
        }

        return parsed.Kind switch
        {
            DeviceKinds.Desk when site.TryGetDesk(clientId, out var desk) => HandleDesk(desk, parsed, text, clientId, topic),
            DeviceKinds.Door when site.TryGetDoor(clientId, out var door) => HandleDoor(door, parsed, text, clientId, topic),
            _ => Refuse(RejectionReasons.UnknownDevice, clientId, topic, $"no {parsed.Kind} with device id '{clientId}' in the site configuration"),
        };
    }

    private Recorded HandleDesk(DeskConfig desk, DeviceTopic topic, string payload, string clientId, string rawTopic)
    {
        var recorded = HandleDeskChannel(desk, topic, payload, clientId, rawTopic, out long heartbeatMs);

        // Anything accepted but the Last Will shows the sensor alive (the will is published for it, by the broker).
        if (recorded.Accepted && !(topic.Channel == Channels.Status && payload == StatusPayloads.Offline))
        {
            liveness?.Heard(desk, heartbeatMs);
        }

        return recorded;
    }

    private Recorded HandleDeskChannel(DeskConfig desk, DeviceTopic topic, string payload, string clientId, string rawTopic, out long heartbeatMs)
    {
        heartbeatMs = 0;
        switch (topic.Channel)
        {
            case Channels.State:
                if (!DeskStateMessage.TryDecode(payload, out var message, out var error))
                {
                    return Refuse(RejectionReasons.MalformedPayload, clientId, rawTopic, error);
                }

                return Accepted("desk-state", recorder.RecordDeskReport(desk, message), clientId, rawTopic);

            case Channels.Health:
                return HandleHealth(DeviceKinds.Desk, payload, clientId, rawTopic, desk, out heartbeatMs);

            case Channels.ConfigRejected:
                return HandleConfigRejected(DeviceKinds.Desk, payload, clientId, rawTopic);

            case Channels.Status:
                return HandleStatus("desk-status", payload, clientId, rawTopic, () => recorder.RecordDeskOffline(desk, time.GetUtcNow().ToUnixTimeMilliseconds()));

            default:
                return Refuse(RejectionReasons.UnsupportedChannel, clientId, rawTopic, $"desk sensors do not publish on '{topic.Channel}'");
        }
    }

    private Recorded HandleDoor(DoorConfig door, DeviceTopic topic, string payload, string clientId, string rawTopic)
    {
        switch (topic.Channel)
        {
            case Channels.DoorContact:
                if (!DoorContactMessage.TryDecode(payload, out var message, out var error))
                {
                    return Refuse(RejectionReasons.MalformedPayload, clientId, rawTopic, error);
                }

                return Accepted("door-contact", recorder.RecordDoorContact(door, message), clientId, rawTopic);

            case Channels.Health:
                return HandleHealth(DeviceKinds.Door, payload, clientId, rawTopic, null, out _);

            case Channels.ConfigRejected:
                return HandleConfigRejected(DeviceKinds.Door, payload, clientId, rawTopic);

            case Channels.Alarm:
                return HandleAlarm(door, payload, clientId, rawTopic);

            case Channels.AccessResult:
                return HandleAccessResult(door, payload, clientId, rawTopic);

            case Channels.AccessRequest:
                return HandleAccessRequest(door, payload, clientId, rawTopic);

            case Channels.CommandRejected:
                return HandleCommandRejected(payload, clientId, rawTopic);

            case Channels.Status:
                return HandleStatus("door-status", payload, clientId, rawTopic, () => new Recorded(true, 0));

            default:
                return Refuse(RejectionReasons.UnsupportedChannel, clientId, rawTopic, $"door readers do not publish on '{topic.Channel}'");
        }
    }

    private Recorded HandleHealth(string kind, string payload, string clientId, string rawTopic, DeskConfig? desk, out long heartbeatMs)
    {
        heartbeatMs = 0;
        if (!HealthMessage.TryDecode(payload, out var health, out var error))
        {
            return Refuse(RejectionReasons.MalformedPayload, clientId, rawTopic, error);
        }

        var e = new DeviceHealthEvent(
            kind,
            clientId,
            health.UptimeS,
            health.HasRssi ? health.RssiDbm : null,
            health.HasSupply ? health.SupplyMv : null,
            health.Reconnects,
            health.Dropped,
            health.Queued,
            health.Header.Firmware,
            health.Header.TimestampMs,
            health.Header.Seq);
        heartbeatMs = health.HeartbeatMs;
        return Accepted($"{kind}-health", desk is null ? recorder.RecordEvent(e) : recorder.RecordDeskHealth(desk, e), clientId, rawTopic);
    }

    private Recorded HandleStatus(string kind, string payload, string clientId, string topic, Func<Recorded> markOffline)
    {
        if (payload == StatusPayloads.Online)
        {
            return Accepted(kind, new Recorded(true, 0), clientId, topic);
        }

        if (payload != StatusPayloads.Offline)
        {
            return Refuse(RejectionReasons.MalformedPayload, clientId, topic, "status must be 'online' or 'offline'");
        }

        return Accepted(kind, markOffline(), clientId, topic);
    }

    private Recorded Accepted(string kind, Recorded recorded, string clientId, string topic)
    {
        if (!recorded.Accepted)
        {
            Refuse(RejectionReasons.NotRecorded, clientId, topic, "the outbox is full while the disk refuses writes");
            return Recorded.NoRoom;
        }

        metrics?.MessageAccepted(kind);
        return recorded;
    }

    private Recorded Refuse(string reason, string clientId, string topic, string detail)
    {
        rejections.Reject(reason, clientId, topic, detail);
        return Recorded.Refused;
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
