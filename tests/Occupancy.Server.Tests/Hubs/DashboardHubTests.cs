using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Occupancy.Server.Hubs;
using Occupancy.Server.Models;
using Occupancy.Uplink;

namespace Occupancy.Server.Tests.Hubs;

public sealed class DashboardHubTests
{
    [Fact]
    public async Task WatchFloor_ReturnsThePlanWithEveryDeskUnknownBeforeAnyEdgeReports()
    {
        await using var server = new OccupancyServerFactory();
        await using var dashboard = server.CreateDashboardConnection();
        await dashboard.StartAsync();

        var plan = await dashboard.InvokeAsync<FloorPlan>(nameof(DashboardHub.WatchFloor), "hq", "floor-2");

        Assert.Equal(("floor-2", "hq", 1000d, 560d), (plan.Id, plan.SpaceId, plan.Width, plan.Height));
        Assert.Equal(24, plan.Desks.Length);
        Assert.All(plan.Desks, d => Assert.Equal("unknown", d.State));
        Assert.Equal(new DeskCounts(0, 0, 24, 24), plan.Counts);
    }

    [Fact]
    public async Task WatchFloor_UnknownFloor_FailsWithAClearMessage()
    {
        await using var server = new OccupancyServerFactory();
        await using var dashboard = server.CreateDashboardConnection();
        await dashboard.StartAsync();

        var error = await Assert.ThrowsAsync<HubException>(
            () => dashboard.InvokeAsync<FloorPlan>(nameof(DashboardHub.WatchFloor), "hq", "floor-9"));

        Assert.Contains("There is no floor 'floor-9' in space 'hq'.", error.Message);
    }

    [Fact]
    public async Task WatchFloor_AnotherFloor_StopsTheChangesOfThePreviousOne()
    {
        await using var server = new OccupancyServerFactory();
        await using var dashboard = server.CreateDashboardConnection();
        var firstEvent = Eventually.Slot<DeskStateView[]>();
        dashboard.On<DeskStateView[]>(nameof(IDashboardClient.DeskStatesChanged), changes => firstEvent.TrySetResult(changes));
        await dashboard.StartAsync();
        await dashboard.InvokeAsync<FloorPlan>(nameof(DashboardHub.WatchFloor), "hq", "floor-1");
        await dashboard.InvokeAsync<FloorPlan>(nameof(DashboardHub.WatchFloor), "hq", "floor-2");
        await using var edge = server.CreateEdgeConnection();
        await edge.StartAsync();

        // Pushes keep their order, so had the floor-1 change been sent, it would have arrived first.
        await edge.InvokeAsync(nameof(IEdgeHub.PushDeskStates), new[] { new DeskStateChange("desk-101", "occupied", 1_000) });
        await edge.InvokeAsync(nameof(IEdgeHub.PushDeskStates), new[] { new DeskStateChange("desk-201", "occupied", 1_000) });

        var changes = await firstEvent.Within();
        Assert.Equal([new DeskStateView("hq", "floor-2", "desk-201", "occupied")], changes);
    }

    [Fact]
    public async Task WatchNetwork_ReturnsEverySpaceWithItsFloors()
    {
        await using var server = new OccupancyServerFactory();
        await using var dashboard = server.CreateDashboardConnection();
        await dashboard.StartAsync();

        var spaces = await dashboard.InvokeAsync<SpaceSummary[]>(nameof(DashboardHub.WatchNetwork));

        var hq = Assert.Single(spaces);
        Assert.Equal(("hq", "Harbour Street", "Europe/Berlin", 48), (hq.Id, hq.Name, hq.TimeZone, hq.TotalDesks));
        Assert.Equal(["floor-1", "floor-2"], hq.Floors.Select(f => f.Id));
    }
}
