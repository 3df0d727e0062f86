using Occupancy.Edge.Occupancy;
using Occupancy.Uplink;

namespace Occupancy.Edge.Uplink;

/// <summary>
/// Desk changes waiting for the server, at most one per desk: a newer change of a desk replaces the
/// one still waiting, because the server only needs each desk's latest state.
/// </summary>
internal sealed class DeskStateCoalescer
{
    private readonly Dictionary<string, (DeskStateChange Change, long Lsn)> _pending = new(StringComparer.Ordinal);

    public int Count => _pending.Count;

    /// <summary>The outbox position the server is complete up to, given that these are still waiting; null when none waits.</summary>
    public long? OldestLsn => _pending.Count == 0 ? null : _pending.Values.Min(p => p.Lsn);

    public void Add(DeskChange change, long lsn) =>
        _pending[change.DeskId] = (new DeskStateChange(change.DeskId, change.State, change.TimestampMs), lsn);

    /// <summary>Forgets changes a snapshot of the state at <paramref name="lsn"/> already carried.</summary>
    public void DropThrough(long lsn)
    {
        foreach (var (deskId, pending) in _pending.ToArray())
        {
            if (pending.Lsn <= lsn)
            {
                _pending.Remove(deskId);
            }
        }
    }

    /// <summary>Up to <paramref name="max"/> waiting changes, oldest first; they stay until <see cref="Delivered"/>.</summary>
    public (DeskStateChange Change, long Lsn)[] Peek(int max) =>
        [.. _pending.Values.OrderBy(p => p.Lsn).Take(max)];

    /// <summary>The server took these; a desk that changed again meanwhile keeps its newer change.</summary>
    public void Delivered(IEnumerable<(DeskStateChange Change, long Lsn)> delivered)
    {
        foreach (var (change, lsn) in delivered)
        {
            if (_pending.TryGetValue(change.DeskId, out var current) && current.Lsn == lsn)
            {
                _pending.Remove(change.DeskId);
            }
        }
    }
}
