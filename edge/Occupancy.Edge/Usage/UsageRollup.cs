using System.Text.Json;
using Occupancy.Edge.Occupancy;

namespace Occupancy.Edge.Usage;

/// <summary>
/// Exact, time-weighted usage per desk per fixed interval (five minutes by default), computed from
/// the desk changes in outbox order. A state lasts until the desk's next change, split at interval
/// boundaries; unknown time (sensor offline) counts as neither occupied nor known.
/// <para>
/// A row is due once its interval is over: either the desk's own later change proves it (final),
/// or the watermark (edge time minus a grace period) has passed its end, assuming the state went
/// on. A change that arrives later for an interval already written makes that row due again; it
/// is rewritten at the same timestamp (the interval's start), which overwrites it in InfluxDB.
/// A desk's changes are taken in sequence order; one whose device time runs backwards is counted
/// at the desk's latest time instead, so time never runs backwards within a desk.
/// </para>
/// </summary>
public sealed class UsageRollup
{
    private readonly long _intervalMs;
    private readonly Dictionary<string, DeskTimeline> _desks;

    public UsageRollup(TimeSpan interval, string? savedState = null)
    {
        _intervalMs = (long)interval.TotalMilliseconds;
        if (_intervalMs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "the usage interval must be positive");
        }

        var desks = string.IsNullOrEmpty(savedState) ? [] : JsonSerializer.Deserialize<List<DeskTimeline>>(savedState) ?? [];
        _desks = desks.ToDictionary(d => d.DeskId, StringComparer.Ordinal);
    }

    public long IntervalMs => _intervalMs;

    /// <summary>
    /// Writes the state to save with the consumer's cursor, to resume exactly here: a JSON array, streamed in small
    /// chunks (with 10,000 desks it is megabytes, saved after every batch).
    /// </summary>
    public void Save(Stream stream) => JsonSerializer.Serialize<IEnumerable<DeskTimeline>>(stream, _desks.Values);

    public void Apply(DeskChange change)
    {
        byte state = UsageStates.Of(change.State);
        if (!_desks.TryGetValue(change.DeskId, out var desk))
        {
            long start = Floor(change.TimestampMs);
            desk = new DeskTimeline
            {
                DeskId = change.DeskId,
                LastTs = change.TimestampMs,
                LastState = UsageStates.Unknown,
                CurrentStart = start,
                PendingFrom = start,
                WrittenEnd = start,
            };
            _desks.Add(change.DeskId, desk);
        }

        desk.FloorId = change.FloorId;
        desk.Zone = change.Zone;
        long ts = Math.Max(change.TimestampMs, desk.LastTs);
        long intervalStart = Floor(ts);
        if (intervalStart == desk.CurrentStart)
        {
            Accumulate(desk, ts - desk.LastTs);
            desk.PendingFrom = Math.Min(desk.PendingFrom, intervalStart);
        }
        else
        {
            CloseIntervalsBefore(desk, intervalStart);
            desk.CurrentStart = intervalStart;
            desk.CurrentOccupiedMs = 0;
            desk.CurrentKnownMs = 0;
            desk.LastTs = intervalStart;
            Accumulate(desk, ts - intervalStart);
        }

        desk.LastTs = ts;
        desk.LastState = state;
    }

    /// <summary>
    /// Adds the rows that are due by <paramref name="watermarkMs"/> (at most <paramref name="maxRows"/>;
    /// call again for the rest) and returns how many it added.
    /// </summary>
    public int EmitDue(long watermarkMs, List<UsageRow> into, int maxRows)
    {
        int added = 0;
        foreach (var desk in _desks.Values)
        {
            added += EmitRuns(desk, into, maxRows - added);
            added += EmitUntil(desk, Floor(watermarkMs), into, maxRows - added);
            if (added >= maxRows)
            {
                break;
            }
        }

        return added;
    }

    private long Floor(long ms) => ms - (((ms % _intervalMs) + _intervalMs) % _intervalMs);

    private static void Accumulate(DeskTimeline desk, long durationMs)
    {
        var (occupied, known) = UsageStates.Contribution(desk.LastState, durationMs);
        desk.CurrentOccupiedMs += occupied;
        desk.CurrentKnownMs += known;
    }

    /// <summary>The desk moved on to the interval at <paramref name="intervalStart"/>: everything before is final.</summary>
    private void CloseIntervalsBefore(DeskTimeline desk, long intervalStart)
    {
        long currentEnd = desk.CurrentStart + _intervalMs;
        if (desk.PendingFrom <= desk.CurrentStart)
        {
            var (occupied, known) = UsageStates.Contribution(desk.LastState, currentEnd - desk.LastTs);
            AddRun(desk, desk.CurrentStart, 1, desk.CurrentOccupiedMs + occupied, desk.CurrentKnownMs + known);
        }

        // Whole intervals in between spent in the last state; those already written (provisionally) are right as they are.
        long from = Math.Max(currentEnd, desk.PendingFrom);
        if (from < intervalStart)
        {
            var (occupied, known) = UsageStates.Contribution(desk.LastState, _intervalMs);
            AddRun(desk, from, (intervalStart - from) / _intervalMs, occupied, known);
        }

        // Rows from the new interval on (possibly written provisionally) are due again.
        desk.PendingFrom = intervalStart;
    }

    private void AddRun(DeskTimeline desk, long start, long count, long occupiedMs, long knownMs)
    {
        if (desk.Runs.Count > 0 && desk.Runs[^1] is var last
            && last.Start + (last.Count * _intervalMs) == start && last.OccupiedMs == occupiedMs && last.KnownMs == knownMs)
        {
            last.Count += count;
            return;
        }

        desk.Runs.Add(new RowRun { Start = start, Count = count, OccupiedMs = occupiedMs, KnownMs = knownMs });
    }

    private int EmitRuns(DeskTimeline desk, List<UsageRow> into, int maxRows)
    {
        int added = 0;
        while (desk.Runs.Count > 0 && added < maxRows)
        {
            var run = desk.Runs[0];
            long end = run.Start + (run.Count * _intervalMs);
            if (run.KnownMs == 0)
            {
                // Unknown throughout: a row of zeros matters only where an earlier row has to be overwritten.
                end = Math.Min(end, Math.Max(run.Start, desk.WrittenEnd));
            }

            while (run.Start < end && added < maxRows)
            {
                added += Emit(desk, run.Start, run.OccupiedMs, run.KnownMs, into);
                run.Start += _intervalMs;
                run.Count--;
            }

            if (run.Start >= end)
            {
                desk.Runs.RemoveAt(0);
            }
        }

        return added;
    }

    /// <summary>Rows of intervals from <see cref="DeskTimeline.PendingFrom"/> that end by <paramref name="completeEnd"/>, assuming the last state went on.</summary>
    private int EmitUntil(DeskTimeline desk, long completeEnd, List<UsageRow> into, int maxRows)
    {
        int added = 0;
        while (desk.PendingFrom + _intervalMs <= completeEnd && added < maxRows)
        {
            long start = desk.PendingFrom;
            long occupied, known;
            if (start == desk.CurrentStart)
            {
                var (o, k) = UsageStates.Contribution(desk.LastState, start + _intervalMs - desk.LastTs);
                (occupied, known) = (desk.CurrentOccupiedMs + o, desk.CurrentKnownMs + k);
            }
            else
            {
                (occupied, known) = UsageStates.Contribution(desk.LastState, _intervalMs);
                if (known == 0 && start >= desk.WrittenEnd)
                {
                    desk.PendingFrom = completeEnd; // unknown from here on and nothing to overwrite: skip ahead
                    break;
                }
            }

            added += Emit(desk, start, occupied, known, into);
            desk.PendingFrom = start + _intervalMs;
        }

        return added;
    }

    private int Emit(DeskTimeline desk, long start, long occupiedMs, long knownMs, List<UsageRow> into)
    {
        if (knownMs == 0 && start >= desk.WrittenEnd)
        {
            return 0;
        }

        into.Add(new UsageRow(desk.DeskId, desk.FloorId, desk.Zone, start, occupiedMs, knownMs));
        desk.WrittenEnd = Math.Max(desk.WrittenEnd, start + _intervalMs);
        return 1;
    }
}
