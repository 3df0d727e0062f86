using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Outbox;
using Occupancy.Edge.Usage;
using Occupancy.Firmware.Contract;

namespace Occupancy.Edge.Tests.Outbox;

/// <summary>A consumer's cursor file on disk: where it got to and the state it resumes with, across a restart.</summary>
public sealed class OutboxConsumerTests : IDisposable
{
    private static readonly long T0 = DateTimeOffset.Parse("2026-11-27T10:00:00Z").ToUnixTimeMilliseconds();

    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void CommittedPositionAndRollupState_ComeBackAfterARestart_AndTheRollupResumesWhereItWas()
    {
        var outbox = new TestOutbox(_data.Path);
        var rollup = new UsageRollup(TimeSpan.FromMinutes(5));
        rollup.Apply(new DeskChange("desk-1", "floor-1", "quiet", DeskStates.Occupied, T0, 1));
        outbox.Log.Consumer(OutboxConsumers.Influx).Commit(42, rollup.Save);

        outbox = outbox.Reopen();
        var consumer = outbox.Log.Consumer(OutboxConsumers.Influx);
        var resumed = new UsageRollup(TimeSpan.FromMinutes(5), consumer.State);
        var rows = new List<UsageRow>();
        resumed.EmitDue(T0 + 300_000, rows, 10);
        outbox.Dispose();

        Assert.Equal(42, consumer.Position);
        var row = Assert.Single(rows);
        Assert.Equal(("desk-1", T0, 300_000L, 300_000L), (row.DeskId, row.IntervalStartMs, row.OccupiedMs, row.KnownMs));
    }

    [Fact]
    public void CursorSavedByAnEarlierVersion_WithTheStateAsAString_StillLoads()
    {
        string directory = Path.Combine(_data.Path, "outbox");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "cursor-influx.json"), """{"Lsn":7,"State":"[{\u0022DeskId\u0022:\u0022desk-1\u0022}]"}""");

        var outbox = new TestOutbox(_data.Path);
        var consumer = outbox.Log.Consumer(OutboxConsumers.Influx);
        outbox.Dispose();

        Assert.Equal((7L, """[{"DeskId":"desk-1"}]"""), (consumer.Position, consumer.State));
    }

    [Fact]
    public void ConsumerWithoutState_SavesItsPositionAlone()
    {
        var outbox = new TestOutbox(_data.Path);
        outbox.Log.Consumer(OutboxConsumers.Uplink).Commit(9, null);

        outbox = outbox.Reopen();
        var consumer = outbox.Log.Consumer(OutboxConsumers.Uplink);
        outbox.Dispose();

        Assert.Equal((9L, (string?)null), (consumer.Position, consumer.State));
    }
}
