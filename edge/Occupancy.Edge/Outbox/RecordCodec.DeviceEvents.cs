using Occupancy.Edge.Occupancy;

namespace Occupancy.Edge.Outbox;

/// <summary>
/// The record types for device events that do not touch desk state. Type codes are for ever:
/// a new event gets a new code, and an existing layout never changes, so old segments stay readable.
/// </summary>
internal static partial class RecordCodec
{
    private const byte DeviceHealthType = 3;
    private const byte DoorAlarmType = 4;
    private const byte DoorAccessResultType = 5;
    private const byte DeviceRejectionType = 6;
    private const byte AccessDecisionType = 7;

    private static int DeviceEventBytes(EdgeEvent e) => e switch
    {
        DeviceHealthEvent h => StringBytes(h.Kind) + StringBytes(h.DeviceId) + StringBytes(h.Firmware) + (2 * 9) + (6 * 8),
        DoorAlarmEvent a => StringBytes(a.DoorId) + StringBytes(a.Alarm) + 1 + (3 * 8),
        DoorAccessResultEvent r => StringBytes(r.DoorId) + StringBytes(r.Result) + 1 + StringBytes(r.Nonce) + (2 * 8),
        DeviceRejectionEvent j => StringBytes(j.Kind) + StringBytes(j.DeviceId) + StringBytes(j.Subject) + StringBytes(j.Reason)
            + StringBytes(j.Field) + StringBytes(j.Detail) + StringBytes(j.Nonce) + (3 * 8),
        AccessDecisionEvent d => StringBytes(d.DoorId) + 1 + StringBytes(d.Reason) + StringBytes(d.Member) + StringBytes(d.Nonce) + (2 * 8),
        _ => throw new ArgumentException($"the outbox cannot store a {e.GetType().Name}", nameof(e)),
    };

    private static void WriteDeviceEvent(ref SpanWriter writer, EdgeEvent e)
    {
        switch (e)
        {
            case DeviceHealthEvent h:
                writer.Byte(DeviceHealthType);
                writer.String(h.Kind);
                writer.String(h.DeviceId);
                writer.String(h.Firmware);
                writer.Int64(h.UptimeS);
                writer.OptionalInt64(h.RssiDbm);
                writer.OptionalInt64(h.SupplyMv);
                writer.Int64(h.Reconnects);
                writer.Int64(h.Dropped);
                writer.Int64(h.Queued);
                writer.Int64(h.TimestampMs);
                writer.Int64(h.Seq);
                break;
            case DoorAlarmEvent a:
                writer.Byte(DoorAlarmType);
                writer.String(a.DoorId);
                writer.String(a.Alarm);
                writer.Byte(a.Active ? (byte)1 : (byte)0);
                writer.Int64(a.OpenMs);
                writer.Int64(a.TimestampMs);
                writer.Int64(a.Seq);
                break;
            case DoorAccessResultEvent r:
                writer.Byte(DoorAccessResultType);
                writer.String(r.DoorId);
                writer.String(r.Result);
                writer.Byte(r.Unlocked ? (byte)1 : (byte)0);
                writer.String(r.Nonce);
                writer.Int64(r.TimestampMs);
                writer.Int64(r.Seq);
                break;
            case DeviceRejectionEvent j:
                writer.Byte(DeviceRejectionType);
                writer.String(j.Kind);
                writer.String(j.DeviceId);
                writer.String(j.Subject);
                writer.String(j.Reason);
                writer.String(j.Field);
                writer.String(j.Detail);
                writer.Int64(j.ConfigRev);
                writer.String(j.Nonce);
                writer.Int64(j.TimestampMs);
                writer.Int64(j.Seq);
                break;
            case AccessDecisionEvent d:
                writer.Byte(AccessDecisionType);
                writer.String(d.DoorId);
                writer.Byte(d.Granted ? (byte)1 : (byte)0);
                writer.String(d.Reason);
                writer.String(d.Member);
                writer.String(d.Nonce);
                writer.Int64(d.TimestampMs);
                writer.Int64(d.Seq);
                break;
        }
    }

    // Each field is read into a local first: the layout order is the one above, whatever the constructor's order.
    private static EdgeEvent ReadDeviceEvent(byte type, ref SpanReader reader)
    {
        switch (type)
        {
            case DeviceHealthType:
            {
                string kind = reader.String(), deviceId = reader.String(), firmware = reader.String();
                long uptime = reader.Int64();
                long? rssi = reader.OptionalInt64(), supply = reader.OptionalInt64();
                long reconnects = reader.Int64(), dropped = reader.Int64(), queued = reader.Int64();
                return new DeviceHealthEvent(kind, deviceId, uptime, (int?)rssi, (int?)supply, reconnects, dropped, queued, firmware, reader.Int64(), reader.Int64());
            }

            case DoorAlarmType:
                return new DoorAlarmEvent(reader.String(), reader.String(), reader.Byte() != 0, reader.Int64(), reader.Int64(), reader.Int64());

            case DoorAccessResultType:
                return new DoorAccessResultEvent(reader.String(), reader.String(), reader.Byte() != 0, reader.String(), reader.Int64(), reader.Int64());

            case DeviceRejectionType:
            {
                string kind = reader.String(), deviceId = reader.String(), subject = reader.String(), reason = reader.String();
                string field = reader.String(), detail = reader.String();
                long rev = reader.Int64();
                return new DeviceRejectionEvent(kind, deviceId, subject, reason, field, detail, rev, reader.String(), reader.Int64(), reader.Int64());
            }

            case AccessDecisionType:
                return new AccessDecisionEvent(reader.String(), reader.Byte() != 0, reader.String(), reader.String(), reader.String(), reader.Int64(), reader.Int64());

            default:
                throw new FormatException($"unknown record type {type}");
        }
    }
}
