namespace Occupancy.Uplink;

/// <summary>Where and how an edge gateway connects to the server.</summary>
public static class EdgeHubContract
{
    public const string Path = "/hubs/edge";

    /// <summary>The header carrying the site key that identifies and authenticates an edge.</summary>
    public const string SiteKeyHeader = "X-Occupancy-Site-Key";

    /// <summary>
    /// The largest hub message the server takes from an edge. A push of 500 desk changes is ~35 KB and one of 1,000
    /// access events ~250 KB, past SignalR's default of 32 KB, which closes the connection (seen with 10,000 desks
    /// in the soak benchmark); browsers on the dashboard hub keep that default.
    /// </summary>
    public const long MaxMessageBytes = 1 << 20;
}
