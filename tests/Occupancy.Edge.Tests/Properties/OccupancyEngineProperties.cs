using FsCheck;
using FsCheck.Fluent;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Usage;
using Occupancy.Firmware.Contract;
using Occupancy.Uplink;

namespace Occupancy.Edge.Tests.Properties;

/// <summary>
/// The occupancy engine and the usage roll-up against generated traffic, on a real outbox on disk: whatever the
/// interleaving of desks, the repeats of earlier reports and the restarts (replay from a checkpoint or from the
/// start of the log), the outcome is what the ordered reports without repeats say.
/// <para>
/// Each desk's own reports arrive in the order its sensor sent them, with repeats anywhere after the original, as
/// MQTT QoS 1 over one session delivers them. A report that overtakes a newer one of the same desk (possible only
/// across sessions) is dropped by design: the desk's state is newer anyway, and its short run is not counted.
/// </para>
/// </summary>
public sealed class OccupancyEngineProperties
{
    private static readonly DeskConfig[] Desks = Enumerable.Range(0, DeskTraffic.DeskCount)
        .Select(i => new DeskConfig($"desk-{i}", "floor-1", i % 2 == 0 ? "quiet" : "team", $"sensor-{i}"))
        .ToArray();

    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(30).WithQuietOnSuccess(true);

    [Fact]
    public void AnyInterleavingWithRepeatsAndRestarts_LeavesEveryDeskInItsLastReportedState() =>
        Check.One(Runs, Prop.ForAll(DeskTraffic.Arbitrary, traffic =>
        {
            var (states, _) = Run(traffic);
            var expected = traffic.Desks.Select((reports, i) => (Desks[i].DeskId, reports[^1].State));
            Assert.Equal(expected.OrderBy(d => d.DeskId), states.OrderBy(d => d.DeskId));
        }));

    [Fact]
    public void AnyInterleavingWithRepeatsAndRestarts_GivesTheUsageRowsOfTheOrderedReports() =>
        Check.One(Runs, Prop.ForAll(DeskTraffic.Arbitrary, traffic =>
        {
            var (_, recorded) = Run(traffic);
            var ordered = traffic.Desks.SelectMany((reports, i) => reports.Select((r, n) => Change(i, r, n + 1)));
            long watermark = traffic.Desks.Max(reports => reports[^1].TimestampMs) + (long)TimeSpan.FromMinutes(15).TotalMilliseconds;
            Assert.Equal(UsageRows(ordered, watermark), UsageRows(recorded, watermark));
        }));

    /// <summary>Plays the schedule, then delivers what it left out; returns every desk's final state and the changes in the outbox.</summary>
    private static ((string DeskId, string State)[] States, List<DeskChange> Recorded) Run(DeskTraffic traffic)
    {
        using var data = new TempDirectory();
        var outbox = new TestOutbox(data.Path);
        try
        {
            var delivered = new int[Desks.Length];
            var rest = Enumerable.Range(0, Desks.Length).SelectMany(desk => Enumerable.Repeat<DeliveryStep>(new DeliveryStep.Next(desk), traffic.Desks[desk].Length));
            foreach (var step in traffic.Schedule.Concat(rest))
            {
                switch (step)
                {
                    case DeliveryStep.Next(var desk) when delivered[desk] < traffic.Desks[desk].Length:
                        var first = Deliver(outbox, traffic, desk, delivered[desk]++);
                        Assert.False(first.Duplicate, $"report {delivered[desk]} of desk {desk} arrived for the first time");
                        break;
                    case DeliveryStep.Again(var desk, var back) when delivered[desk] > 0:
                        long before = outbox.Log.LastAppendedLsn;
                        Deliver(outbox, traffic, desk, Math.Max(0, delivered[desk] - 1 - back));
                        Assert.True(before == outbox.Log.LastAppendedLsn, $"a repeated report of desk {desk} records nothing");
                        break;
                    case DeliveryStep.Restart(var fromCheckpoint):
                        outbox = Restart(outbox, fromCheckpoint);
                        break;
                }
            }

            WaitUntilDurable(outbox);
            var states = outbox.Engine.Snapshot().Select(d => (d.DeskId, d.State)).ToArray();
            var recorded = outbox.ReadAll().Select(e => e.Event).OfType<DeskChange>().ToList();
            return (states, recorded);
        }
        finally
        {
            outbox.Dispose();
        }
    }

    private static Recorded Deliver(TestOutbox outbox, DeskTraffic traffic, int desk, int index)
    {
        var report = traffic.Desks[desk][index];
        var recorded = outbox.Recorder.RecordDeskReport(Desks[desk], new DeskStateMessage(report.State, new MessageHeader(index + 1, report.TimestampMs, "1.0.0")));
        Assert.True(recorded.Accepted);
        return recorded;
    }

    /// <summary>A clean restart: what devices were acknowledged for is on disk; the engine comes back from the outbox.</summary>
    private static TestOutbox Restart(TestOutbox outbox, bool fromCheckpoint)
    {
        WaitUntilDurable(outbox);
        if (fromCheckpoint)
        {
            var (desks, lsn) = outbox.Recorder.Snapshot();
            outbox.Checkpoint.Save(lsn, desks);
        }

        return outbox.Reopen();
    }

    private static void WaitUntilDurable(TestOutbox outbox)
    {
        // A property runs synchronously; the outbox's writer completes the wait on its own thread.
        bool durable = outbox.Log.WaitDurableAsync(outbox.Log.LastAppendedLsn).GetAwaiter().GetResult();
        Assert.True(durable);
    }

    private static DeskChange Change(int desk, SensorReport report, long seq) =>
        new(Desks[desk].DeskId, Desks[desk].FloorId, Desks[desk].Zone, report.State, report.TimestampMs, seq);

    /// <summary>Every usage row the roll-up writes for these changes by <paramref name="watermarkMs"/>; a rewritten row counts as its last version.</summary>
    private static SortedDictionary<(string DeskId, long IntervalStartMs), (long OccupiedMs, long KnownMs)> UsageRows(IEnumerable<DeskChange> changes, long watermarkMs)
    {
        var rollup = new UsageRollup(TimeSpan.FromMinutes(5));
        foreach (var change in changes)
        {
            rollup.Apply(change);
        }

        var rows = new List<UsageRow>();
        while (rollup.EmitDue(watermarkMs, rows, maxRows: 1000) > 0)
        {
        }

        var final = new SortedDictionary<(string, long), (long, long)>();
        foreach (var row in rows)
        {
            final[(row.DeskId, row.IntervalStartMs)] = (row.OccupiedMs, row.KnownMs);
        }

        return final;
    }
}
