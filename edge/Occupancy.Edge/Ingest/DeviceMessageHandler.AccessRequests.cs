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

        var answer = access.Answer(door, request);
        var decision = answer.Decision;
        var e = new AccessDecisionEvent(door.DoorId, decision.Granted, decision.Reason, decision.Member ?? "", request.Nonce, request.Header.TimestampMs, request.Header.Seq);
        var recorded = Accepted("door-access-request", recorder.RecordEvent(e), clientId, topic);
        return recorded.Accepted ? recorded with { Answer = answer } : recorded;
    }

    private async Task SendAnswerAsync(DoorAnswer answer, string clientId, CancellationToken cancellationToken)
    {
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
