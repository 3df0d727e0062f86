using Occupancy.Server.Models;

namespace Occupancy.Server.Live;

/// <summary>A space with its floors and a desk index by id. Read only under LiveOccupancy's lock.</summary>
internal sealed class LiveSpace(string id, string name, string timeZone, LiveFloor[] floors)
{
    public string Id { get; } = id;

    public LiveFloor[] Floors { get; } = floors;

    public Dictionary<string, LiveDesk> Desks { get; } =
        floors.SelectMany(f => f.Desks).ToDictionary(d => d.Id, StringComparer.Ordinal);

    public LiveFloor? FindFloor(string floorId) => Floors.FirstOrDefault(f => f.Id == floorId);

    public SpaceSummary ToSummary()
    {
        var floors = Floors.Select(f => f.ToSummary()).ToArray();
        return new SpaceSummary(
            Id,
            name,
            timeZone,
            floors.Sum(f => f.FreeDesks),
            floors.Sum(f => f.OccupiedDesks),
            floors.Sum(f => f.UnknownDesks),
            floors.Sum(f => f.TotalDesks),
            floors);
    }
}
