using Occupancy.Firmware.Contract;
using Occupancy.Uplink;

namespace Occupancy.Edge.Occupancy;

/// <summary>
/// Live desk state for the site. A desk's state changes only on a newer message of its
/// sensor (by the device's sequence number), so duplicates and late reorders never
/// change it twice. The state survives restarts through the outbox (checkpoint + replay, see
/// <see cref="EventRecorder"/>), so a duplicate that arrives after a restart is still one.
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

            if (current?.State == message.State)
            {
                // Same state, newer report: remember the sequence number, keep the time the state began.
                _desks[desk.DeskId] = current with { LastSeq = message.Header.Seq };
                return null;
            }

            _desks[desk.DeskId] = new DeskStatus(desk.DeskId, message.State, message.Header.TimestampMs, message.Header.Seq, current?.Lsn ?? 0);
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

    /// <summary>The outbox record that carries the desk's current state.</summary>
    public void SetLsn(string deskId, long lsn)
    {
        lock (_gate)
        {
            if (_desks.TryGetValue(deskId, out var current))
            {
                _desks[deskId] = current with { Lsn = lsn };
            }
        }
    }

    /// <summary>The outbox record the desk's current state relies on; 0 when none.</summary>
    public long LsnOf(string deskId)
    {
        lock (_gate)
        {
            return _desks.TryGetValue(deskId, out var current) ? current.Lsn : 0;
        }
    }

    /// <summary>Puts back the state saved by a checkpoint, before replaying the records after it.</summary>
    public void Restore(IEnumerable<DeskStatus> desks)
    {
        lock (_gate)
        {
            foreach (var desk in desks)
            {
                _desks[desk.DeskId] = desk;
            }
        }
    }

    /// <summary>Re-applies a recorded change during recovery.</summary>
    public void Replay(DeskChange change, long lsn)
    {
        lock (_gate)
        {
            _desks.TryGetValue(change.DeskId, out var current);
            long seq = Math.Max(change.Seq, current?.LastSeq ?? 0);
            _desks[change.DeskId] = new DeskStatus(change.DeskId, change.State, change.TimestampMs, seq, lsn);
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
