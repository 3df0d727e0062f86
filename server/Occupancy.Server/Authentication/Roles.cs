namespace Occupancy.Server.Authentication;

/// <summary>
/// The people who sign in. Admin and member are Identity roles; a host is a user with at least one
/// <see cref="OccupancyClaims.HostOf"/> claim (hosting is per space, so it is data, not a role).
/// </summary>
public static class Roles
{
    /// <summary>Runs the network: every space, every account.</summary>
    public const string Admin = "admin";

    /// <summary>Manages the spaces they host: layout, doors, devices, members and passes of those spaces.</summary>
    public const string Host = "host";

    /// <summary>Sees desk states and counts (as anyone may) and, later, their own pass.</summary>
    public const string Member = "member";

    /// <summary>The roles stored in Identity.</summary>
    public static readonly string[] Stored = [Admin, Member];
}
