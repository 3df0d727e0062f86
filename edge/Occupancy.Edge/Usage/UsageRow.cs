namespace Occupancy.Edge.Usage;

/// <summary>
/// How one desk was used during one interval: milliseconds occupied, and milliseconds its state
/// was known at all (occupied or free). Written as <c>desk_usage</c> at the interval's start.
/// </summary>
public sealed record UsageRow(string DeskId, string FloorId, string Zone, long IntervalStartMs, long OccupiedMs, long KnownMs);
