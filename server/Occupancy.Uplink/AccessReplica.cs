namespace Occupancy.Uplink;

/// <summary>
/// Everything an edge needs to decide at its doors without asking the server (DESIGN.md D8):
/// the site's doors, and the passes and credentials valid there. Members appear only as
/// pseudonyms; card numbers only as keyed hashes. <paramref name="Version"/> grows with every
/// change so the edge can tell a newer replica from an older one.
/// </summary>
public sealed record AccessReplica(
    string SiteId,
    long Version,
    string TimeZone,
    bool Lockdown,
    DoorAccess[] Doors,
    AccessPass[] Passes,
    AccessCredential[] Credentials);
