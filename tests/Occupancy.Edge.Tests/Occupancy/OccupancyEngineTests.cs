using Occupancy.Edge.Occupancy;
using Occupancy.Firmware.Contract;

namespace Occupancy.Edge.Tests.Occupancy;

public class OccupancyEngineTests
{
    private static readonly global::Occupancy.Uplink.DeskConfig Desk = TestSite.Config.Desks[0];

    private static DeskStateMessage Report(string state, long seq, long ts = 1_700_000_000_000) =>
        new(state, new MessageHeader(seq, ts + seq, "1.0.0"));

    [Fact]
    public void ApplyReport_FirstReport_IsAChangeWithTheDesksPlace()
    {
        var engine = new OccupancyEngine();

        var change = engine.ApplyReport(Desk, Report(DeskStates.Occupied, 1), out bool duplicate);

        Assert.False(duplicate);
        Assert.NotNull(change);
        Assert.Equal(("desk-1", "floor-1", "quiet", DeskStates.Occupied), (change.DeskId, change.FloorId, change.Zone, change.State));
    }

    [Fact]
    public void ApplyReport_SameSequenceTwice_IsADuplicateAndChangesNothing()
    {
        var engine = new OccupancyEngine();
        engine.ApplyReport(Desk, Report(DeskStates.Occupied, 5), out _);

        var change = engine.ApplyReport(Desk, Report(DeskStates.Occupied, 5), out bool duplicate);

        Assert.True(duplicate);
        Assert.Null(change);
    }

    [Fact]
    public void ApplyReport_OlderReportArrivingLate_DoesNotOverrideTheNewerState()
    {
        var engine = new OccupancyEngine();
        engine.ApplyReport(Desk, Report(DeskStates.Occupied, 6), out _);

        var change = engine.ApplyReport(Desk, Report(DeskStates.Free, 4), out bool duplicate);

        Assert.True(duplicate);
        Assert.Null(change);
        Assert.Equal(DeskStates.Occupied, engine.Snapshot().Single().State);
    }

    [Fact]
    public void ApplyReport_NewerReportOfTheSameState_IsNoChange()
    {
        var engine = new OccupancyEngine();
        engine.ApplyReport(Desk, Report(DeskStates.Free, 1), out _);

        var change = engine.ApplyReport(Desk, Report(DeskStates.Free, 2), out bool duplicate);

        Assert.False(duplicate);
        Assert.Null(change);
    }

    [Fact]
    public void MarkUnknown_AfterAReport_MakesTheDeskUnknownUntilItReportsAgain()
    {
        var engine = new OccupancyEngine();
        engine.ApplyReport(Desk, Report(DeskStates.Occupied, 1), out _);

        var unknown = engine.MarkUnknown(Desk, 1_700_000_100_000);
        var back = engine.ApplyReport(Desk, Report(DeskStates.Occupied, 2), out _);

        Assert.Equal(DeskStates.Unknown, unknown?.State);
        Assert.Equal(DeskStates.Occupied, back?.State);
    }

    [Fact]
    public void MarkUnknown_ForADeskNeverHeardFrom_IsNoChange()
    {
        Assert.Null(new OccupancyEngine().MarkUnknown(Desk, 1));
    }
}
