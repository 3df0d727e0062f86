namespace Occupancy.Uplink;

/// <summary>What the server calls on a connected edge.</summary>
public interface IEdgeClient
{
    Task SiteConfigChanged(SiteConfig config);
}
