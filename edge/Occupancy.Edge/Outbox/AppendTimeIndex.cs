namespace Occupancy.Edge.Outbox;

/// <summary>
/// Roughly when each record was appended (one mark per second at most), so the age of the oldest
/// record a consumer has not taken yet can be reported without reading the disk.
/// </summary>
internal sealed class AppendTimeIndex
{
    private const long ResolutionMs = 1000;

    private readonly Lock _gate = new();
    private readonly List<(long Lsn, long AppendedMs)> _marks = [];

    public void Mark(long lsn, long appendedMs)
    {
        lock (_gate)
        {
            if (_marks.Count == 0 || appendedMs - _marks[^1].AppendedMs >= ResolutionMs)
            {
                _marks.Add((lsn, appendedMs));
            }
        }
    }

    /// <summary>
    /// When record <paramref name="lsn"/> was appended, to within a second; records from before the
    /// last restart count from the restart (the outbox does not store append times in an index). Null when unknown.
    /// </summary>
    public long? AppendedMsOf(long lsn)
    {
        lock (_gate)
        {
            int index = _marks.BinarySearch((lsn, long.MaxValue), Comparer);
            index = index >= 0 ? index : ~index - 1;
            return index >= 0 ? _marks[index].AppendedMs : _marks.Count > 0 ? _marks[0].AppendedMs : null;
        }
    }

    /// <summary>Forgets marks no consumer needs: those before the one covering <paramref name="lsn"/>.</summary>
    public void ForgetBefore(long lsn)
    {
        lock (_gate)
        {
            int keepFrom = 0;
            while (keepFrom + 1 < _marks.Count && _marks[keepFrom + 1].Lsn <= lsn)
            {
                keepFrom++;
            }

            _marks.RemoveRange(0, keepFrom);
        }
    }

    private static readonly Comparer<(long Lsn, long AppendedMs)> Comparer =
        Comparer<(long Lsn, long AppendedMs)>.Create((a, b) => a.Lsn != b.Lsn ? a.Lsn.CompareTo(b.Lsn) : a.AppendedMs.CompareTo(b.AppendedMs));
}
