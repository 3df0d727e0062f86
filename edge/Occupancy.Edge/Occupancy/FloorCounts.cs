namespace Occupancy.Edge.Occupancy;

/// <summary>The desks of one floor, in total and per zone.</summary>
public sealed record FloorCounts(string FloorId, StateCounts Desks, ZoneCounts[] Zones);
