using Occupancy.Edge.Occupancy;
using Occupancy.Firmware.Contract;
using Occupancy.Uplink;

namespace Occupancy.Edge.Ingest;

/// <summary>The door readers' events (alarms, what they did about a request) and any device's refusals of what the edge sent it.</summary>
public sealed partial class DeviceMessageHandler
{
    private Recorded HandleAlarm(DoorConfig door, string payload, string clientId, string topic)
    {
        if (!AlarmMessage.TryDecode(payload, out var m, out var error))
        {
            return Refuse(RejectionReasons.MalformedPayload, clientId, topic, error);
        }

        var e = new DoorAlarmEvent(door.DoorId, m.Alarm, m.Active, m.OpenMs, m.Header.TimestampMs, m.Header.Seq);
        return Accepted("door-alarm", recorder.RecordEvent(e), clientId, topic);
    }

    private Recorded HandleAccessResult(DoorConfig door, string payload, string clientId, string topic)
    {
        if (!AccessResultMessage.TryDecode(payload, out var m, out var error))
        {
            return Refuse(RejectionReasons.MalformedPayload, clientId, topic, error);
        }

        var e = new DoorAccessResultEvent(door.DoorId, m.Result, m.Unlocked, m.Nonce, m.Header.TimestampMs, m.Header.Seq);
        return Accepted("door-access-result", recorder.RecordEvent(e), clientId, topic);
    }

    private Recorded HandleCommandRejected(string payload, string clientId, string topic)
    {
        if (!CommandRejectedMessage.TryDecode(payload, out var m, out var error))
        {
            return Refuse(RejectionReasons.MalformedPayload, clientId, topic, error);
        }

        var e = new DeviceRejectionEvent(DeviceKinds.Door, clientId, DeviceRejectionEvent.CommandSubject, m.Reason, "", "", 0, m.Nonce, m.Header.TimestampMs, m.Header.Seq);
        return Accepted("command-rejected", recorder.RecordEvent(e), clientId, topic);
    }

    private Recorded HandleConfigRejected(string kind, string payload, string clientId, string topic)
    {
        if (!ConfigRejectedMessage.TryDecode(payload, out var m, out var error))
        {
            return Refuse(RejectionReasons.MalformedPayload, clientId, topic, error);
        }

        var r = m.Rejection;
        var e = new DeviceRejectionEvent(kind, clientId, DeviceRejectionEvent.ConfigSubject, r.Reason, r.Field, r.Detail, r.Rev, "", m.Header.TimestampMs, m.Header.Seq);
        return Accepted($"{kind}-config-rejected", recorder.RecordEvent(e), clientId, topic);
    }
}
