namespace Occupancy.Server.Data;

/// <summary>A coworking space. Its id is also the site id its edge gateway authenticates as.</summary>
public sealed class Space
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>IANA time zone (e.g. "Europe/Berlin"): opening hours, passes and utilisation are local time.</summary>
    public required string TimeZone { get; set; }

    /// <summary>Grows with every change of what the edge needs (desks, doors, zones, devices); sent in SiteConfig.</summary>
    public long ConfigVersion { get; set; } = 1;

    /// <summary>Every door of the space opens for admins only (sent to the edge in the access replica).</summary>
    public bool Lockdown { get; set; }

    public List<OpeningHours> OpeningHours { get; set; } = [];

    public List<Floor> Floors { get; set; } = [];

    public List<Zone> Zones { get; set; } = [];

    public List<Door> Doors { get; set; } = [];

    public List<Device> Devices { get; set; } = [];
}
