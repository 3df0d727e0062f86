using System.Diagnostics.Metrics;
using Occupancy.Edge.Operations;
using Occupancy.Firmware.Contract;

namespace Occupancy.Edge.Occupancy;

/// <summary>
/// The live desk counts of the site, per floor and zone, read from the engine at the moment they
/// are asked for (by the operations endpoint's <c>/occupancy</c>, or by a Prometheus scrape of the
/// <c>occupancy.edge.desks</c> gauge), so they are never behind the desks' state.
/// </summary>
public sealed class SiteOccupancy
{
    private readonly SiteDirectory _site;
    private readonly OccupancyEngine _engine;

    public SiteOccupancy(SiteDirectory site, OccupancyEngine engine, EdgeMetrics? metrics = null)
    {
        _site = site;
        _engine = engine;
        metrics?.ObserveDesks(Measurements);
    }

    /// <summary>Null until the site's layout is known.</summary>
    public SiteCounts? Counts() => _site.Config is { } config ? _engine.Count(config) : null;

    private IEnumerable<Measurement<long>> Measurements()
    {
        if (Counts() is not { } counts)
        {
            yield break;
        }

        foreach (var floor in counts.Floors)
        {
            foreach (var zone in floor.Zones)
            {
                yield return Measure(counts.SiteId, floor.FloorId, zone.Zone, DeskStates.Free, zone.Desks.Free);
                yield return Measure(counts.SiteId, floor.FloorId, zone.Zone, DeskStates.Occupied, zone.Desks.Occupied);
                yield return Measure(counts.SiteId, floor.FloorId, zone.Zone, DeskStates.Unknown, zone.Desks.Unknown);
            }
        }
    }

    private static Measurement<long> Measure(string site, string floor, string zone, string state, int count) => new(
        count,
        new KeyValuePair<string, object?>("site", site),
        new KeyValuePair<string, object?>("floor", floor),
        new KeyValuePair<string, object?>("zone", zone),
        new KeyValuePair<string, object?>("state", state));
}
