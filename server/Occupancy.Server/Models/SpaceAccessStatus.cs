namespace Occupancy.Server.Models;

/// <summary>
/// A space's access control at a glance: lockdown, the network's current access version, and the replica the
/// site's edge last reported deciding from (version, when the server last confirmed it; null before any report).
/// </summary>
public sealed record SpaceAccessStatus(
    string SpaceId, bool Lockdown, long ServerVersion, bool EdgeOnline, long? EdgeReplicaVersion, DateTimeOffset? EdgeReplicaSyncedAt);
