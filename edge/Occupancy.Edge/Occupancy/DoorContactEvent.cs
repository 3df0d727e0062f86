namespace Occupancy.Edge.Occupancy;

/// <summary>A door opened or closed, at the reader's time.</summary>
public sealed record DoorContactEvent(string DoorId, bool IsOpen, long TimestampMs, long Seq) : EdgeEvent;
