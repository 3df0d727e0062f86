namespace Occupancy.Uplink;

/// <summary>
/// A desk's new state: "free", "occupied" or "unknown" (the contract's DeskStates), at the
/// sensor's time in epoch milliseconds. Anonymous by design: no person is ever attached.
/// </summary>
public sealed record DeskStateChange(string DeskId, string State, long TimestampMs);
