using Occupancy.Edge.Access;
using Occupancy.Edge.Occupancy;
using Occupancy.Firmware.Contract;
using Occupancy.Uplink;

namespace Occupancy.Edge.Ingest;

/// <summary>A door reader's request: decided from the local replica, recorded, then answered with a signed command.</summary>
public sealed partial class DeviceMessageHandler
{
    private Recorded HandleAccessRequest(DoorConfig door, string payload, string clientId, string topic)
    {
        if (_access.Value is not { } access || _commands.Value is null)
        {
            return Refuse(RejectionReasons.AccessNotConfigured, clientId, topic, "this edge has no door keys (Access:DoorMasterKey, Access:NetworkKey)");
        }

        if (!AccessRequestMessage.TryDecode(payload, out var request, out var error))
        {
            return Refuse(RejectionReasons.MalformedPayload, clientId, topic, error);
        }

        var answered = _answered.Value!;
        if (answered.TryGet(door.DoorId, request.Nonce, out var earlier))
        {
            // The same request again: the same answer, from the same recorded decision.
            return earlier.Seq == request.Header.Seq
                ? Accepted("door-access-request-repeat", new Recorded(true, earlier.Lsn, Duplicate: true, Answer: earlier.Answer), clientId, topic)
                : Refuse(RejectionReasons.ReusedNonce, clientId, topic, $"nonce {request.Nonce} was already answered for request {earlier.Seq}");
        }

        var answer = access.Answer(door, request);
        var decision = answer.Decision;
        var e = new AccessDecisionEvent(door.DoorId, decision.Granted, decision.Reason, decision.Member ?? "", request.Nonce, request.Header.TimestampMs, request.Header.Seq);

        // Someone trying credential after credential: the alarm is audited like the readers' own alarms.
        var alarm = answer.RaiseRepeatedDenialAlarm
            ? new DoorAlarmEvent(door.DoorId, RepeatedDenialWatch.Alarm, true, 0, request.Header.TimestampMs, request.Header.Seq)
            : null;
        var recorded = Accepted("door-access-request", recorder.RecordEvent(e, alarm), clientId, topic);
        if (!recorded.Accepted)
        {
            return recorded;
        }

        answered.Remember(door.DoorId, request.Nonce, request.Header.Seq, answer, recorded.WaitLsn);
        _journal.Value?.AppendDecision(door.DoorId, request, answer, recorded.WaitLsn);
        return recorded with { Answer = answer };
    }

    /// <summary>
    /// Sends a door its answer as soon as the decision is made, while the request's own acknowledgement still waits
    /// for the decision on disk. The reader keeps an unacknowledged request and sends it again after a reconnect, so
    /// if the edge dies in between, the redelivered request is decided and recorded then: every decision is audited
    /// (D8) without an fsync, queued behind a batch of desk reports, on the way to the door. Only while the outbox
    /// cannot write does the answer wait for the disk, so that a door never opens on a decision nobody can record.
    /// </summary>
    private async Task AnswerDoorAsync(DoorAnswer answer, Task<bool> durable, string clientId, CancellationToken cancellationToken)
    {
        if (outbox.IsFailing && !await durable)
        {
            return; // the reader times out and stays locked; the device sends the request again
        }

        try
        {
            await _commands.Value!.PublishCommandAsync(answer.CommandTopic, answer.Command.Encode(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The decision is recorded; the reader times out and the member taps again.
            rejections.Reject(RejectionReasons.CommandNotSent, clientId, answer.CommandTopic, ex.Message);
        }
    }
}
