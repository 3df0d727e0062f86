using Microsoft.AspNetCore.SignalR;
using Occupancy.Server.Hubs;
using Occupancy.Server.Models;

namespace Occupancy.Server.Live;

/// <summary>
/// The one place that pushes to dashboards. Every push goes through here so that coalescing (e.g. at most one
/// push per floor per few hundred milliseconds on busy sites) can be added in one class, without touching the
/// state or the hubs; and so that what reaches whom (everyone: states and counts; hosts: host events) is
/// decided in one place.
/// </summary>
public sealed class DashboardPublisher(IHubContext<DashboardHub, IDashboardClient> hub)
{
    public Task DeskStatesChangedAsync(string spaceId, string floorId, DeskStateView[] changes) =>
        hub.Clients.Group(DashboardGroups.Floor(spaceId, floorId)).DeskStatesChanged(changes);

    public Task SpaceCountsChangedAsync(SpaceSummary summary) =>
        hub.Clients.Group(DashboardGroups.Network).SpaceCountsChanged(summary);

    public Task EdgeStatusChangedAsync(EdgeStatus status) =>
        HostsOf(status.SpaceId).EdgeStatusChanged(status);

    private IDashboardClient HostsOf(string spaceId) =>
        hub.Clients.Groups(DashboardGroups.Hosts(spaceId), DashboardGroups.Admins);
}
