using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;
using Occupancy.Edge.Influx;
using Occupancy.Edge.Occupancy;
using Occupancy.Firmware.Contract;

namespace Occupancy.Edge.Tests.Influx;

/// <summary>The desk state lines the writer reuses per desk and state are the very lines PointData builds for each event.</summary>
public sealed class InfluxPointsTests
{
    [Theory]
    [InlineData(DeskStates.Occupied)]
    [InlineData(DeskStates.Free)]
    [InlineData(DeskStates.Unknown)]
    public void DeskStateLine_EqualsThePointDataLine_ForTheFirstAndEveryLaterEventOfTheDesk(string state)
    {
        var points = new InfluxPoints("hq, main");
        var first = new DeskChange("desk=1", "floor 1", "quiet,zone", state, 1_764_000_000_123, 4);
        var later = first with { TimestampMs = first.TimestampMs + 61_000, Seq = 5 };

        Assert.Equal(PointDataLine(first), points.DeskState(first));
        Assert.Equal(PointDataLine(later), points.DeskState(later));
    }

    [Fact]
    public void DeskStateLine_FollowsADeskMovedToAnotherFloor()
    {
        var points = new InfluxPoints("hq");
        var before = new DeskChange("desk-1", "floor-1", "quiet", DeskStates.Occupied, 1_764_000_000_000, 1);
        var moved = before with { FloorId = "floor-2", TimestampMs = before.TimestampMs + 1, Seq = 2 };

        points.DeskState(before);

        Assert.Equal(PointDataLine(moved), points.DeskState(moved));
    }

    private static string PointDataLine(DeskChange change)
    {
        var point = PointData.Measurement(InfluxPoints.DeskStateMeasurement)
            .Tag("site", change.DeskId == "desk=1" ? "hq, main" : "hq")
            .Tag("floor", change.FloorId)
            .Tag("zone", change.Zone)
            .Tag("desk", change.DeskId)
            .Field("state", change.State)
            .Timestamp(change.TimestampMs, WritePrecision.Ms);
        if (change.State != DeskStates.Unknown)
        {
            point = point.Field("occupied", change.State == DeskStates.Occupied ? 1L : 0L);
        }

        return point.ToLineProtocol();
    }
}
