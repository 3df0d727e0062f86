using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Usage;
using Occupancy.Firmware.Contract;

namespace Occupancy.Edge.Tests.Usage;

public sealed class UsageRollupTests
{
    private static readonly long T0 = DateTimeOffset.Parse("2026-11-27T10:00:00Z").ToUnixTimeMilliseconds();
    private static readonly string[] States = [DeskStates.Free, DeskStates.Occupied, DeskStates.Unknown];

    [Fact]
    public void OccupiedAcrossABoundary_IsSplitBetweenTheTwoIntervals()
    {
        var rollup = new UsageRollup(TimeSpan.FromMinutes(5));
        rollup.Apply(Change("desk-1", DeskStates.Free, T0));
        rollup.Apply(Change("desk-1", DeskStates.Occupied, T0 + 150_000));
        rollup.Apply(Change("desk-1", DeskStates.Free, T0 + 420_000));

        var rows = new List<UsageRow>();
        rollup.EmitDue(T0 + 600_000, rows, 100);

        Assert.Equal(
            [new UsageRow("desk-1", "floor-1", "quiet", T0, 150_000, 300_000), new UsageRow("desk-1", "floor-1", "quiet", T0 + 300_000, 120_000, 300_000)],
            rows);
    }

    [Fact]
    public void UnknownTime_CountsAsNeitherOccupiedNorKnown()
    {
        var rollup = new UsageRollup(TimeSpan.FromMinutes(5));
        rollup.Apply(Change("desk-1", DeskStates.Occupied, T0));
        rollup.Apply(Change("desk-1", DeskStates.Unknown, T0 + 60_000));
        rollup.Apply(Change("desk-1", DeskStates.Free, T0 + 240_000));

        var rows = new List<UsageRow>();
        rollup.EmitDue(T0 + 300_000, rows, 100);

        var row = Assert.Single(rows);
        Assert.Equal((60_000L, 120_000L), (row.OccupiedMs, row.KnownMs));
    }

    [Fact]
    public void IntervalWithoutChanges_IsWrittenOnceTheWatermarkPassesItsEnd()
    {
        var rollup = new UsageRollup(TimeSpan.FromMinutes(5));
        rollup.Apply(Change("desk-1", DeskStates.Occupied, T0 + 10_000));
        var rows = new List<UsageRow>();

        rollup.EmitDue(T0 + 299_999, rows, 100);
        Assert.Empty(rows);
        rollup.EmitDue(T0 + 900_000, rows, 100);

        Assert.Equal([290_000L, 300_000, 300_000], rows.Select(r => r.OccupiedMs));
    }

    [Fact]
    public void LateChangeForAnIntervalAlreadyWritten_RewritesItAtTheSameTimestamp()
    {
        var rollup = new UsageRollup(TimeSpan.FromMinutes(5));
        rollup.Apply(Change("desk-1", DeskStates.Occupied, T0));
        var rows = new List<UsageRow>();
        rollup.EmitDue(T0 + 600_000, rows, 100);
        rows.Clear();

        rollup.Apply(Change("desk-1", DeskStates.Free, T0 + 400_000));
        rollup.EmitDue(T0 + 600_000, rows, 100);

        var row = Assert.Single(rows);
        Assert.Equal((T0 + 300_000, 100_000L, 300_000L), (row.IntervalStartMs, row.OccupiedMs, row.KnownMs));
    }

    [Theory]
    [InlineData(1, 1_000)]
    [InlineData(2, 1_000)]
    [InlineData(3, 1_000)]
    [InlineData(4, 1_000)]
    [InlineData(5, 1_000)]
    [InlineData(6, 1_000)]
    [InlineData(7, 1_000)]
    [InlineData(8, 1_000)]
    [InlineData(9, 300_000)]
    [InlineData(10, 300_000)]
    public void RandomStreams_EndWithTheRowsABruteForceCountGives(int seed, long intervalMs)
    {
        var random = new Random(seed);
        string[] desks = ["desk-1", "desk-2", "desk-3"];
        var changes = desks.ToDictionary(d => d, _ => new List<(long Ts, string State)>());
        long grain = intervalMs >= 300_000 ? 1000 : 1; // whole seconds with long intervals, so the brute force can count by seconds
        var last = desks.ToDictionary(d => d, _ => T0 + (random.NextInt64(intervalMs) / grain * grain));
        var rollup = new UsageRollup(TimeSpan.FromMilliseconds(intervalMs));
        var written = new Dictionary<(string Desk, long Start), UsageRow>();
        long maxWatermark = 0;

        for (int i = 0; i < 150; i++)
        {
            string desk = desks[random.Next(desks.Length)];
            // Mostly forward in small steps, sometimes a long silence, sometimes a device clock going backwards.
            long step = random.Next(10) switch
            {
                0 => -random.NextInt64(intervalMs),
                1 => random.NextInt64(intervalMs * 8),
                _ => random.NextInt64(intervalMs * 3 / 2),
            };
            long ts = last[desk] + (step / grain * grain);
            last[desk] = Math.Max(last[desk], ts);
            var change = Change(desk, States[random.Next(States.Length)], ts);
            changes[desk].Add((ts, change.State));
            rollup.Apply(change);

            if (random.Next(4) == 0)
            {
                // Watermarks jump around: ahead of the devices, or behind while catching up.
                long watermark = last.Values.Max() + random.NextInt64(-3 * intervalMs, 3 * intervalMs);
                maxWatermark = Math.Max(maxWatermark, watermark);
                Emit(rollup, watermark, random.Next(1, 6), written, last, intervalMs);
            }

            if (random.Next(20) == 0)
            {
                rollup = new UsageRollup(TimeSpan.FromMilliseconds(intervalMs), Saved(rollup));
            }
        }

        long finalWatermark = Math.Max(maxWatermark, last.Values.Max()) + (2 * intervalMs);
        Emit(rollup, finalWatermark, 1000, written, last, intervalMs);

        foreach (string desk in desks)
        {
            var expected = BruteForce(changes[desk], intervalMs, finalWatermark);
            foreach (var (start, (occupied, known)) in expected)
            {
                if (known > 0)
                {
                    Assert.True(written.TryGetValue((desk, start), out var row), $"{desk}: no row for the interval at {start}");
                    Assert.Equal((occupied, known), (row.OccupiedMs, row.KnownMs));
                }
                else if (written.TryGetValue((desk, start), out var row))
                {
                    Assert.Equal((0L, 0L), (row.OccupiedMs, row.KnownMs));
                }
            }

            Assert.All(written.Keys.Where(k => k.Desk == desk), k => Assert.True(expected.ContainsKey(k.Start), $"{desk}: a row for {k.Start}, outside the complete intervals"));
        }
    }

    private static void Emit(UsageRollup rollup, long watermark, int chunk, Dictionary<(string, long), UsageRow> written, Dictionary<string, long> last, long intervalMs)
    {
        var rows = new List<UsageRow>();
        while (rollup.EmitDue(watermark, rows, chunk) > 0)
        {
        }

        foreach (var row in rows)
        {
            // A row is written only for an interval that is over, by the watermark or by the desk's own later change.
            long completeEnd = Math.Max(Floor(watermark, intervalMs), Floor(last[row.DeskId], intervalMs));
            Assert.True(row.IntervalStartMs + intervalMs <= completeEnd, $"row at {row.IntervalStartMs} written before its interval was over");
            written[(row.DeskId, row.IntervalStartMs)] = row;
        }
    }

    /// <summary>Counts millisecond by millisecond, with times made non-decreasing as the roll-up documents.</summary>
    private static Dictionary<long, (long Occupied, long Known)> BruteForce(List<(long Ts, string State)> changes, long intervalMs, long watermark)
    {
        var result = new Dictionary<long, (long, long)>();
        if (changes.Count == 0)
        {
            return result;
        }

        var timeline = new List<(long Ts, string State)>();
        foreach (var (ts, state) in changes)
        {
            timeline.Add((Math.Max(ts, timeline.Count > 0 ? timeline[^1].Ts : ts), state));
        }

        long from = Floor(timeline[0].Ts, intervalMs);
        long to = Math.Max(Floor(watermark, intervalMs), Floor(timeline[^1].Ts, intervalMs));
        int next = 0;
        string current = DeskStates.Unknown;
        long step = intervalMs >= 300_000 ? 1000 : 1; // change times in the long-interval cases are whole seconds
        for (long start = from; start < to; start += intervalMs)
        {
            long occupied = 0, known = 0;
            for (long t = start; t < start + intervalMs; t += step)
            {
                while (next < timeline.Count && timeline[next].Ts <= t)
                {
                    current = timeline[next++].State;
                }

                occupied += current == DeskStates.Occupied ? step : 0;
                known += current != DeskStates.Unknown ? step : 0;
            }

            result[start] = (occupied, known);
        }

        return result;
    }

    private static string Saved(UsageRollup rollup)
    {
        using var stream = new MemoryStream();
        rollup.Save(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static long Floor(long ms, long intervalMs) => ms - (((ms % intervalMs) + intervalMs) % intervalMs);

    private static DeskChange Change(string desk, string state, long ts) => new(desk, "floor-1", "quiet", state, ts, 0);
}
