using Occupancy.Firmware.Contract;
using Occupancy.Server.Models;

namespace Occupancy.Server.Live;

/// <summary>A floor of a live space. Read only under LiveOccupancy's lock.</summary>
internal sealed class LiveFloor(string spaceId, string id, string name, double width, double height, LiveDesk[] desks)
{
    public string Id { get; } = id;

    public LiveDesk[] Desks { get; } = desks;

    public DeskCounts Count()
    {
        int free = 0, occupied = 0, unknown = 0;
        foreach (var desk in Desks)
        {
            switch (desk.State)
            {
                case DeskStates.Free: free++; break;
                case DeskStates.Occupied: occupied++; break;
                default: unknown++; break;
            }
        }

        return new DeskCounts(free, occupied, unknown, Desks.Length);
    }

    public FloorSummary ToSummary()
    {
        var counts = Count();
        return new FloorSummary(Id, name, counts.Free, counts.Occupied, counts.Unknown, counts.Total);
    }

    public FloorPlan ToPlan() =>
        new(Id, spaceId, name, width, height, Desks.Select(d => d.ToView()).ToArray(), Count());
}
