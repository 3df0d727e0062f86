namespace Occupancy.Uplink;

/// <summary>A site as its edge needs it. <paramref name="Version"/> grows with every change.</summary>
public sealed record SiteConfig(string SiteId, string Name, long Version, DeskConfig[] Desks, DoorConfig[] Doors);
