using Occupancy.Edge.Occupancy;
using Occupancy.Firmware.Contract;

namespace Occupancy.Edge.Tests.Outbox;

/// <summary>The occupancy engine rebuilt from the outbox after a restart: duplicates are still recognised.</summary>
public sealed class EngineRecoveryTests : IDisposable
{
    private static readonly global::Occupancy.Uplink.DeskConfig Desk = TestSite.Config.Desks[0];

    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task AfterARestartWithoutACheckpoint_AReportSeenBeforeIsADuplicate()
    {
        var outbox = new TestOutbox(_data.Path);
        await RecordAsync(outbox, DeskStates.Occupied, seq: 5);
        outbox = outbox.Reopen();

        var again = outbox.Recorder.RecordDeskReport(Desk, Report(DeskStates.Occupied, 5));

        Assert.True(again.Duplicate);
        Assert.Single(outbox.ReadAll());
        Assert.Equal((DeskStates.Occupied, 5L), (outbox.Engine.Snapshot().Single().State, outbox.Engine.Snapshot().Single().LastSeq));
        outbox.Dispose();
    }

    [Fact]
    public async Task AfterARestartFromACheckpoint_StateAndSequenceComeBackAndLaterRecordsAreReplayed()
    {
        var outbox = new TestOutbox(_data.Path);
        await RecordAsync(outbox, DeskStates.Occupied, seq: 5);
        var (desks, lsn) = outbox.Recorder.Snapshot();
        outbox.Checkpoint.Save(lsn, desks);
        await RecordAsync(outbox, DeskStates.Free, seq: 6);
        outbox = outbox.Reopen();

        var older = outbox.Recorder.RecordDeskReport(Desk, Report(DeskStates.Occupied, 5));
        var repeat = outbox.Recorder.RecordDeskReport(Desk, Report(DeskStates.Free, 6));

        Assert.True(older.Duplicate);
        Assert.True(repeat.Duplicate);
        Assert.Equal((DeskStates.Free, 6L), (outbox.Engine.Snapshot().Single().State, outbox.Engine.Snapshot().Single().LastSeq));
        Assert.Equal(2, outbox.ReadAll().Count);
        outbox.Dispose();
    }

    private static async Task RecordAsync(TestOutbox outbox, string state, long seq)
    {
        var recorded = outbox.Recorder.RecordDeskReport(Desk, Report(state, seq));
        Assert.True(await outbox.Log.WaitDurableAsync(recorded.WaitLsn));
    }

    private static DeskStateMessage Report(string state, long seq) => new(state, new MessageHeader(seq, 1_764_236_400_000 + seq, "1.0.0"));
}
