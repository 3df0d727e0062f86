namespace Occupancy.Edge.Occupancy;

/// <summary>
/// What a door reader did about a request (granted, denied, timeout) or its exit button:
/// whether the lock was released. <see cref="Nonce"/> ties it to the request; empty for an exit.
/// </summary>
public sealed record DoorAccessResultEvent(string DoorId, string Result, bool Unlocked, string Nonce, long TimestampMs, long Seq) : EdgeEvent;
