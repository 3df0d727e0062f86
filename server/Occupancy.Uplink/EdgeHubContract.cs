namespace Occupancy.Uplink;

/// <summary>Where and how an edge gateway connects to the server.</summary>
public static class EdgeHubContract
{
    public const string Path = "/hubs/edge";

    /// <summary>The header carrying the site key that identifies and authenticates an edge.</summary>
    public const string SiteKeyHeader = "X-Occupancy-Site-Key";
}
