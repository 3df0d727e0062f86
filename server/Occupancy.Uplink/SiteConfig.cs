namespace Occupancy.Uplink;

/// <summary>
/// A site as its edge needs it. <paramref name="Version"/> grows with every change.
/// <paramref name="Devices"/> are the logins the server provisioned for the site's devices (null
/// from a server that provisions none: the edge's own registry alone decides then).
/// </summary>
public sealed record SiteConfig(string SiteId, string Name, long Version, DeskConfig[] Desks, DoorConfig[] Doors, ProvisionedDevice[]? Devices = null);
