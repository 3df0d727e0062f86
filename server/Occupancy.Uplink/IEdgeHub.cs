namespace Occupancy.Uplink;

/// <summary>What an edge calls on the server's edge hub. Method names are the wire names.</summary>
public interface IEdgeHub
{
    /// <summary>The configuration of the edge's site: desks, floors, zones and the device behind each.</summary>
    Task<SiteConfig> GetSiteConfig();

    /// <summary>Live desk changes, in the order the edge saw them.</summary>
    Task PushDeskStates(DeskStateChange[] changes);

    /// <summary>
    /// The site's access replica. Null when the edge already holds <paramref name="haveVersion"/> and nothing
    /// changed since: a reconnecting edge with a current replica then costs no transfer.
    /// </summary>
    Task<AccessReplica?> GetAccessReplica(long haveVersion);

    /// <summary>The version and age of the replica the edge decides from.</summary>
    Task ReportAccessReplica(AccessReplicaReport report);

    /// <summary>
    /// Door decisions and alarms for the site's access log. Returns once they are stored; storing is idempotent by
    /// <see cref="AccessEvent.EventId"/>, so the edge may send a batch again after any failure.
    /// </summary>
    Task PushAccessEvents(AccessEvent[] events);
}
