using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Occupancy.Server.Hubs;
using Occupancy.Server.Models;
using Occupancy.Uplink;

namespace Occupancy.Server.Tests.Hubs;

public sealed class EdgeHubTests
{
    [Fact]
    public async Task EdgeHub_WithItsSiteKey_GetsItsSiteConfig()
    {
        await using var server = new OccupancyServerFactory();
        await using var edge = server.CreateEdgeConnection();
        await edge.StartAsync();

        var config = await edge.InvokeAsync<SiteConfig>(nameof(IEdgeHub.GetSiteConfig));

        Assert.Equal("hq", config.SiteId);
        Assert.Equal("Harbour Street", config.Name);
        Assert.True(config.Version > 0);
        Assert.Equal(48, config.Desks.Length);
        Assert.Equal(48, config.Desks.Select(d => d.DeviceId).Distinct().Count());
        Assert.Contains(new DeskConfig("desk-101", "floor-1", "quiet", "sensor-101"), config.Desks);
        Assert.Equal(["reader-front", "reader-terrace"], config.Doors.Select(d => d.DeviceId).Order());
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData("")]
    [InlineData(null)]
    public async Task EdgeHub_WithoutAValidSiteKey_IsRefusedWith401AtNegotiate(string? siteKey)
    {
        await using var server = new OccupancyServerFactory();
        await using var edge = server.CreateEdgeConnection(siteKey);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => edge.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(HubConnectionState.Disconnected, edge.State);
    }

    [Fact]
    public async Task EdgeHub_PushedDeskChange_ReachesDashboardsWatchingTheFloorAndTheCounts()
    {
        await using var server = new OccupancyServerFactory();
        await using var dashboard = server.CreateDashboardConnection();
        var floorEvent = Eventually.Slot<DeskStateView[]>();
        var countsEvent = Eventually.Slot<SpaceSummary>();
        dashboard.On<DeskStateView[]>(nameof(IDashboardClient.DeskStatesChanged), changes => floorEvent.TrySetResult(changes));
        dashboard.On<SpaceSummary>(nameof(IDashboardClient.SpaceCountsChanged), summary => countsEvent.TrySetResult(summary));
        await dashboard.StartAsync();
        await dashboard.InvokeAsync<SpaceSummary[]>(nameof(DashboardHub.WatchNetwork));
        await dashboard.InvokeAsync<FloorPlan>(nameof(DashboardHub.WatchFloor), "hq", "floor-1");
        await using var edge = server.CreateEdgeConnection();
        await edge.StartAsync();

        await edge.InvokeAsync(nameof(IEdgeHub.PushDeskStates), new[]
        {
            new DeskStateChange("desk-101", "occupied", 1_000),
            new DeskStateChange("desk-102", "free", 1_000),
        });

        var changes = await floorEvent.Within();
        Assert.Equal(
            [new DeskStateView("hq", "floor-1", "desk-101", "occupied"), new DeskStateView("hq", "floor-1", "desk-102", "free")],
            changes.OrderBy(c => c.Id));
        var summary = await countsEvent.Within();
        Assert.Equal((1, 1, 46, 48), (summary.FreeDesks, summary.OccupiedDesks, summary.UnknownDesks, summary.TotalDesks));

        var spaces = await server.CreateClient().GetFromJsonAsync<SpaceSummary[]>("/api/spaces");
        var hq = Assert.Single(spaces!);
        Assert.Equal((1, 1, 46, 48), (hq.FreeDesks, hq.OccupiedDesks, hq.UnknownDesks, hq.TotalDesks));
        var floor1 = Assert.Single(hq.Floors, f => f.Id == "floor-1");
        Assert.Equal((1, 24), (floor1.FreeDesks, floor1.TotalDesks));
    }

    [Fact]
    public async Task EdgeHub_ChangeOlderThanTheDesksState_DoesNotOverrideIt()
    {
        await using var server = new OccupancyServerFactory();
        await using var edge = server.CreateEdgeConnection();
        await edge.StartAsync();

        await edge.InvokeAsync(nameof(IEdgeHub.PushDeskStates), new[] { new DeskStateChange("desk-101", "occupied", 2_000) });
        await edge.InvokeAsync(nameof(IEdgeHub.PushDeskStates), new[] { new DeskStateChange("desk-101", "free", 1_000) });

        var plan = await server.CreateClient().GetFromJsonAsync<FloorPlan>("/api/spaces/hq/floors/floor-1");
        Assert.Equal("occupied", Assert.Single(plan!.Desks, d => d.Id == "desk-101").State);
        Assert.Equal(new DeskCounts(0, 1, 23, 24), plan.Counts);
    }

    [Fact]
    public async Task EdgeHub_ChangeForADeskNotOfItsSite_IsIgnored()
    {
        await using var server = new OccupancyServerFactory();
        await using var edge = server.CreateEdgeConnection();
        await edge.StartAsync();

        await edge.InvokeAsync(nameof(IEdgeHub.PushDeskStates), new[]
        {
            new DeskStateChange("desk-999", "occupied", 1_000),
            new DeskStateChange("desk-101", "sleeping", 1_000),
            new DeskStateChange("desk-102", "free", 1_000),
        });

        var plan = await server.CreateClient().GetFromJsonAsync<FloorPlan>("/api/spaces/hq/floors/floor-1");
        Assert.Equal(new DeskCounts(1, 0, 23, 24), plan!.Counts);
        Assert.Equal("unknown", Assert.Single(plan.Desks, d => d.Id == "desk-101").State);
    }
}
