namespace Occupancy.Edge.Occupancy;

/// <summary>The site's desks now: in total, per floor and per zone (floors and zones in id order).</summary>
public sealed record SiteCounts(string SiteId, StateCounts Desks, FloorCounts[] Floors);
