using Microsoft.AspNetCore.Identity;

namespace Occupancy.Server.Data;

/// <summary>A person who signs in to the dashboard: an admin, a host of some spaces, or a member.</summary>
public sealed class OccupancyUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The spaces this user hosts (manages); empty for members and most admins.</summary>
    public List<SpaceHost> HostOf { get; set; } = [];
}
