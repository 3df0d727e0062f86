namespace Occupancy.Edge.Occupancy;

/// <summary>The desks of one zone of a floor.</summary>
public sealed record ZoneCounts(string Zone, StateCounts Desks);
