namespace Occupancy.Uplink;

/// <summary>What an edge calls on the server's edge hub. Method names are the wire names.</summary>
public interface IEdgeHub
{
    /// <summary>The configuration of the edge's site: desks, floors, zones and the device behind each.</summary>
    Task<SiteConfig> GetSiteConfig();

    /// <summary>Live desk changes, in the order the edge saw them.</summary>
    Task PushDeskStates(DeskStateChange[] changes);
}
