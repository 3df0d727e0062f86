using Occupancy.Firmware.Contract;
using Occupancy.Uplink;

namespace Occupancy.Edge.Occupancy;

/// <summary>Adds desks up per floor and zone while the engine walks the layout once.</summary>
internal sealed class SiteTally(string siteId)
{
    private readonly SortedDictionary<string, SortedDictionary<string, int[]>> _floors = new(StringComparer.Ordinal);

    public void Add(DeskConfig desk, string state)
    {
        if (!_floors.TryGetValue(desk.FloorId, out var zones))
        {
            _floors[desk.FloorId] = zones = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        }

        if (!zones.TryGetValue(desk.Zone, out var counts))
        {
            zones[desk.Zone] = counts = new int[3];
        }

        counts[state switch { DeskStates.Free => 0, DeskStates.Occupied => 1, _ => 2 }]++;
    }

    public SiteCounts ToCounts()
    {
        var floors = _floors.Select(floor =>
        {
            var zones = floor.Value.Select(z => new ZoneCounts(z.Key, Of(z.Value))).ToArray();
            return new FloorCounts(floor.Key, Sum(zones.Select(z => z.Desks)), zones);
        }).ToArray();
        return new SiteCounts(siteId, Sum(floors.Select(f => f.Desks)), floors);
    }

    private static StateCounts Of(int[] c) => new(c[0], c[1], c[2]);

    private static StateCounts Sum(IEnumerable<StateCounts> parts) =>
        parts.Aggregate(new StateCounts(0, 0, 0), (a, b) => new StateCounts(a.Free + b.Free, a.Occupied + b.Occupied, a.Unknown + b.Unknown));
}
