using Occupancy.Firmware.Contract;
using Occupancy.Server.Models;

namespace Occupancy.Server.Live;

/// <summary>A desk's layout and its current state. Mutated only under LiveOccupancy's lock.</summary>
internal sealed class LiveDesk(string spaceId, string floorId, string id, string label, double x, double y, double width, double height, string shape, string zone)
{
    public string SpaceId { get; } = spaceId;

    public string FloorId { get; } = floorId;

    public string Id { get; } = id;

    public string State { get; set; } = DeskStates.Unknown;

    /// <summary>The sensor time of the change that set <see cref="State"/>; 0 until an edge reports.</summary>
    public long TimestampMs { get; set; }

    public DeskView ToView() => new(Id, label, x, y, width, height, shape, zone, State);

    public DeskStateView ToStateView() => new(SpaceId, FloorId, Id, State);
}
