namespace Occupancy.Uplink;

/// <summary>
/// What an edge tells the server about the replica it decides from: its version and when the server last
/// confirmed it (epoch ms), so hosts see how old the rules at their doors are.
/// </summary>
public sealed record AccessReplicaReport(long Version, long SyncedAtMs);
