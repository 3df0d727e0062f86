namespace Occupancy.Uplink;

/// <summary>What the server calls on a connected edge.</summary>
public interface IEdgeClient
{
    Task SiteConfigChanged(SiteConfig config);

    /// <summary>The site's whole access replica, sent after every change that touches the site (a pass, a credential, a door, lockdown).</summary>
    Task AccessReplicaChanged(AccessReplica replica);
}
