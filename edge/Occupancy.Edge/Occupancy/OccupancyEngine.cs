using Occupancy.Firmware.Contract;
using Occupancy.Uplink;

namespace Occupancy.Edge.Occupancy;

/// <summary>
/// Live desk state for the site. A desk's state changes only on a newer message of its
/// sensor (by the device's sequence number), so duplicates and late reorders never
/// change it twice.
/// </summary>
public sealed class OccupancyEngine
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DeskStatus> _desks = new(StringComparer.Ordinal);

    /// <summary>Applies a sensor report; returns the change, or null when it changes nothing or is a duplicate.</summary>
    public DeskChange? ApplyReport(DeskConfig desk, DeskStateMessage message, out bool duplicate)
    {
        lock (_gate)
        {
            _desks.TryGetValue(desk.DeskId, out var current);
            duplicate = current is not null && current.LastSeq >= message.Header.Seq;
            if (duplicate)
            {
                return null;
            }

            _desks[desk.DeskId] = new DeskStatus(desk.DeskId, message.State, message.Header.TimestampMs, message.Header.Seq);
            if (current?.State == message.State)
            {
                return null;
            }

            return new DeskChange(desk.DeskId, desk.FloorId, desk.Zone, message.State, message.Header.TimestampMs, message.Header.Seq);
        }
    }

    /// <summary>The sensor went away (Last Will or silence): its desk is unknown until it reports again.</summary>
    public DeskChange? MarkUnknown(DeskConfig desk, long timestampMs)
    {
        lock (_gate)
        {
            _desks.TryGetValue(desk.DeskId, out var current);
            if (current is null || current.State == DeskStates.Unknown)
            {
                return null;
            }

            _desks[desk.DeskId] = current with { State = DeskStates.Unknown, TimestampMs = timestampMs };
            return new DeskChange(desk.DeskId, desk.FloorId, desk.Zone, DeskStates.Unknown, timestampMs, current.LastSeq);
        }
    }

    public DeskStatus[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _desks.Values];
        }
    }
}
