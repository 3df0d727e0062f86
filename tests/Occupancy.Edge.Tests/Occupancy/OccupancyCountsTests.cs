using Occupancy.Edge.Occupancy;
using Occupancy.Firmware.Contract;
using Occupancy.Uplink;

namespace Occupancy.Edge.Tests.Occupancy;

public class OccupancyCountsTests
{
    private static readonly SiteConfig Site = new(
        "test-site",
        "Counting site",
        1,
        [
            new DeskConfig("a1", "floor-1", "quiet", "s-a1"),
            new DeskConfig("a2", "floor-1", "quiet", "s-a2"),
            new DeskConfig("a3", "floor-1", "team", "s-a3"),
            new DeskConfig("b1", "floor-2", "quiet", "s-b1"),
            new DeskConfig("b2", "floor-2", "window", "s-b2"),
        ],
        []);

    private static long _seq;

    private static void Report(OccupancyEngine engine, string deskId, string state) =>
        engine.ApplyReport(Array.Find(Site.Desks, d => d.DeskId == deskId)!, new DeskStateMessage(state, new MessageHeader(++_seq, 1_764_000_000_000 + _seq, "1.0.0")), out _);

    [Fact]
    public void Count_AddsDesksUpPerZoneFloorAndSite_WithDesksNeverHeardFromAsUnknown()
    {
        var engine = new OccupancyEngine();
        Report(engine, "a1", DeskStates.Occupied);
        Report(engine, "a2", DeskStates.Free);
        Report(engine, "b2", DeskStates.Occupied);

        var counts = engine.Count(Site);

        Assert.Equal(new StateCounts(1, 2, 2), counts.Desks);
        Assert.Equal(["floor-1", "floor-2"], counts.Floors.Select(f => f.FloorId));
        var first = counts.Floors[0];
        Assert.Equal(new StateCounts(1, 1, 1), first.Desks);
        Assert.Equal(
            [new ZoneCounts("quiet", new StateCounts(1, 1, 0)), new ZoneCounts("team", new StateCounts(0, 0, 1))],
            first.Zones);
        Assert.Equal(
            [new ZoneCounts("quiet", new StateCounts(0, 0, 1)), new ZoneCounts("window", new StateCounts(0, 1, 0))],
            counts.Floors[1].Zones);
    }

    [Fact]
    public void Count_FollowsEveryChange_IncludingADeskGoingUnknown()
    {
        var engine = new OccupancyEngine();
        Report(engine, "a1", DeskStates.Occupied);
        Assert.Equal(1, engine.Count(Site).Desks.Occupied);

        engine.MarkUnknown(Site.Desks[0], 1_764_000_100_000);

        Assert.Equal(new StateCounts(0, 0, 5), engine.Count(Site).Desks);
    }

    [Fact]
    public void Count_OnlyCountsDesksOfTheCurrentLayout()
    {
        var engine = new OccupancyEngine();
        Report(engine, "a1", DeskStates.Occupied);
        var smaller = Site with { Desks = [Site.Desks[1]] };

        var counts = engine.Count(smaller);

        Assert.Equal(new StateCounts(0, 0, 1), counts.Desks);
    }
}
