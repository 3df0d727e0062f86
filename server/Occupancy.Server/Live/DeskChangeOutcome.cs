namespace Occupancy.Server.Live;

/// <summary>
/// What became of a batch of desk changes from an edge: applied (state changed), unchanged (same state, newer time),
/// stale (older than the desk's current state) or rejected (unknown desk of that site, or an invalid state).
/// </summary>
public sealed record DeskChangeOutcome(int Applied, int Unchanged, int Stale, int Rejected);
