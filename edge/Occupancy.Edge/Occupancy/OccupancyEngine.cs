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

            _desks[desk.DeskId] = new DeskStatus(desk.DeskId, message.State, message.Header.TimestampMs, message.Header.Seq, current?.Lsn ?? 0, message.State);
            return new DeskChange(desk.DeskId, desk.FloorId, desk.Zone, message.State, message.Header.TimestampMs, message.Header.Seq);
        }
    }

    /// <summary>
    /// A newer message of a sensor whose desk is unknown, that carries no state (a heartbeat): the
    /// sensor is back, and as its messages arrive in order, its last reported state still stands.
    /// Returns that change, or null when the desk is not unknown or the message is not newer.
    /// </summary>
    public DeskChange? Revive(DeskConfig desk, long seq, long timestampMs)
    {
        lock (_gate)
        {
            if (!_desks.TryGetValue(desk.DeskId, out var current)
                || current.State != DeskStates.Unknown
                || current.LastReported is not { } reported
                || seq <= current.LastSeq)
            {
                return null;
            }

            _desks[desk.DeskId] = current with { State = reported, TimestampMs = timestampMs, LastSeq = seq };
            return new DeskChange(desk.DeskId, desk.FloorId, desk.Zone, reported, timestampMs, seq);
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

            _desks[desk.DeskId] = current with { State = DeskStates.Unknown, TimestampMs = timestampMs, LastReported = current.LastReported ?? current.State };
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
            string? reported = change.State != DeskStates.Unknown ? change.State : current?.LastReported ?? KnownOrNull(current?.State);
            _desks[change.DeskId] = new DeskStatus(change.DeskId, change.State, change.TimestampMs, seq, lsn, reported);
        }
    }

    /// <summary>How many desks of the site's layout are free, occupied or unknown, per site, floor and zone; a desk never heard from is unknown.</summary>
    public SiteCounts Count(SiteConfig config)
    {
        var tally = new SiteTally(config.SiteId);
        lock (_gate)
        {
            foreach (var desk in config.Desks)
            {
                tally.Add(desk, _desks.TryGetValue(desk.DeskId, out var status) ? status.State : DeskStates.Unknown);
            }
        }

        return tally.ToCounts();
    }

    public DeskStatus[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _desks.Values];
        }
    }

    private static string? KnownOrNull(string? state) => state is null || state == DeskStates.Unknown ? null : state;
}
