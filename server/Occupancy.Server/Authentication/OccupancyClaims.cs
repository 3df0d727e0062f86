namespace Occupancy.Server.Authentication;

/// <summary>Claims the server adds to a signed-in user's principal.</summary>
public static class OccupancyClaims
{
    /// <summary>One claim per space the user hosts; the value is the space id.</summary>
    public const string HostOf = "occupancy:host-of";

    public const string DisplayName = "occupancy:display-name";
}
