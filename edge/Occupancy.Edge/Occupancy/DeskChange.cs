namespace Occupancy.Edge.Occupancy;

/// <summary>A desk's state changed (free, occupied or unknown), at the sensor's time.</summary>
public sealed record DeskChange(string DeskId, string FloorId, string Zone, string State, long TimestampMs, long Seq) : EdgeEvent;
