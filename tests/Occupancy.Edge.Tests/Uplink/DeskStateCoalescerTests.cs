using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Uplink;
using Occupancy.Firmware.Contract;

namespace Occupancy.Edge.Tests.Uplink;

public sealed class DeskStateCoalescerTests
{
    [Fact]
    public void ManyChangesOfOneDesk_LeaveOnlyTheLatestWaiting()
    {
        var pending = new DeskStateCoalescer();

        pending.Add(Change("desk-1", DeskStates.Occupied, 1), lsn: 1);
        pending.Add(Change("desk-1", DeskStates.Free, 2), lsn: 2);
        pending.Add(Change("desk-1", DeskStates.Occupied, 3), lsn: 3);

        var (change, lsn) = Assert.Single(pending.Peek(10));
        Assert.Equal((DeskStates.Occupied, 3L, 3L), (change.State, change.TimestampMs, lsn));
    }

    [Fact]
    public void ChangeArrivingWhileAPushIsUnderWay_StaysForTheNextPush()
    {
        var pending = new DeskStateCoalescer();
        pending.Add(Change("desk-1", DeskStates.Occupied, 1), lsn: 1);
        pending.Add(Change("desk-2", DeskStates.Free, 2), lsn: 2);
        var push = pending.Peek(10);

        pending.Add(Change("desk-1", DeskStates.Free, 3), lsn: 3);
        pending.Delivered(push);

        var (change, _) = Assert.Single(pending.Peek(10));
        Assert.Equal(("desk-1", DeskStates.Free), (change.DeskId, change.State));
        Assert.Equal(3, pending.OldestLsn);
    }

    [Fact]
    public void Snapshot_DropsTheChangesItAlreadyCarried()
    {
        var pending = new DeskStateCoalescer();
        pending.Add(Change("desk-1", DeskStates.Occupied, 1), lsn: 4);
        pending.Add(Change("desk-2", DeskStates.Free, 2), lsn: 9);

        pending.DropThrough(5);

        Assert.Equal(["desk-2"], pending.Peek(10).Select(p => p.Change.DeskId));
    }

    [Fact]
    public void Peek_HandsOutTheOldestFirst_UpToTheLimit()
    {
        var pending = new DeskStateCoalescer();
        pending.Add(Change("desk-3", DeskStates.Free, 1), lsn: 7);
        pending.Add(Change("desk-1", DeskStates.Free, 1), lsn: 5);
        pending.Add(Change("desk-2", DeskStates.Free, 1), lsn: 6);

        Assert.Equal(["desk-1", "desk-2"], pending.Peek(2).Select(p => p.Change.DeskId));
        Assert.Equal(5, pending.OldestLsn);
    }

    private static DeskChange Change(string desk, string state, long ts) => new(desk, "floor-1", "quiet", state, ts, ts);
}
