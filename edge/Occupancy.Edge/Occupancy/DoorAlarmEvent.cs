namespace Occupancy.Edge.Occupancy;

/// <summary>A door reader raised or cleared an alarm (<c>forced</c>, <c>held-open</c>); <see cref="OpenMs"/> is how long the door had been open.</summary>
public sealed record DoorAlarmEvent(string DoorId, string Alarm, bool Active, long OpenMs, long TimestampMs, long Seq) : EdgeEvent;
