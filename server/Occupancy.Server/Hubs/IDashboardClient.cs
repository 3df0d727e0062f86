using Occupancy.Server.Models;

namespace Occupancy.Server.Hubs;

/// <summary>
/// What the server pushes to dashboards. Method names are the wire names, mirrored in dashboard/src/hub.ts.
/// Everyone gets desk states and counts only, never who sits where; host events go to hosts and admins only.
/// </summary>
public interface IDashboardClient
{
    /// <summary>Desks of one floor whose state changed; sent to connections watching that floor.</summary>
    Task DeskStatesChanged(DeskStateView[] changes);

    /// <summary>A space's new counts; sent to connections watching the network.</summary>
    Task SpaceCountsChanged(SpaceSummary summary);

    /// <summary>A site's edge connected or disconnected; sent to that space's hosts and to admins.</summary>
    Task EdgeStatusChanged(EdgeStatus status);

    /// <summary>New entries of a space's access log (door decisions, alarms); sent to that space's hosts and to admins.</summary>
    Task AccessLogged(AccessLogView[] entries);

    /// <summary>A space's lockdown or its edge's replica changed; sent to that space's hosts and to admins.</summary>
    Task AccessStatusChanged(SpaceAccessStatus status);
}
