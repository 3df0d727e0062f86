using Microsoft.AspNetCore.SignalR;
using Occupancy.Server.Authentication;
using Occupancy.Server.Live;
using Occupancy.Server.Models;

namespace Occupancy.Server.Hubs;

/// <summary>
/// The hub browsers connect to. It only joins groups and returns snapshots; LiveOccupancy owns the state
/// and DashboardPublisher pushes changes. Anyone may watch desk states and counts (signed in or not); a
/// signed-in host also joins the host group of each space they host, and an admin the admins group, on connecting.
/// </summary>
public sealed class DashboardHub(LiveOccupancy live) : Hub<IDashboardClient>
{
    public const string Path = "/hubs/dashboard";

    private const string FloorGroupItem = "floorGroup";

    public override async Task OnConnectedAsync()
    {
        if (Context.User is not { Identity.IsAuthenticated: true } user)
        {
            return;
        }

        if (user.IsAdmin())
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, DashboardGroups.Admins, Context.ConnectionAborted);
        }

        foreach (var space in user.HostedSpaces())
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, DashboardGroups.Hosts(space), Context.ConnectionAborted);
        }
    }

    /// <summary>Follows every space's counts; returns them as they are now.</summary>
    public async Task<SpaceSummary[]> WatchNetwork()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, DashboardGroups.Network, Context.ConnectionAborted);
        return live.GetSpaces();
    }

    /// <summary>Follows one floor (instead of any floor followed before); returns its plan with the current states.</summary>
    public async Task<FloorPlan> WatchFloor(string spaceId, string floorId)
    {
        if (live.GetFloorPlan(spaceId, floorId) is null)
        {
            throw new HubException($"There is no floor '{floorId}' in space '{spaceId}'.");
        }

        var group = DashboardGroups.Floor(spaceId, floorId);
        if (Context.Items.TryGetValue(FloorGroupItem, out var previous) && previous is string previousGroup && previousGroup != group)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, previousGroup, Context.ConnectionAborted);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        Context.Items[FloorGroupItem] = group;

        // The snapshot is taken after joining, so no change falls between the two; a change that arrives as an
        // event before this result is newer than or equal to the snapshot, and the client replays it on top.
        return live.GetFloorPlan(spaceId, floorId)
            ?? throw new HubException($"There is no floor '{floorId}' in space '{spaceId}'.");
    }
}
