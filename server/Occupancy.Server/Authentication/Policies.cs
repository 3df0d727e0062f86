namespace Occupancy.Server.Authentication;

/// <summary>Authorization policy names for the dashboard's users (edges have SiteKeyDefaults.EdgePolicy).</summary>
public static class Policies
{
    /// <summary>Admins only: accounts, creating and deleting spaces.</summary>
    public const string Admin = "Admin";

    /// <summary>Admins and hosts; each endpoint then checks the space (SpaceAccess.CanManage).</summary>
    public const string Staff = "Staff";

    /// <summary>Anyone signed in.</summary>
    public const string SignedIn = "SignedIn";
}
