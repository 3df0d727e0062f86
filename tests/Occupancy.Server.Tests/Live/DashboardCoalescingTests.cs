using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Time.Testing;
using Occupancy.Server.Hubs;
using Occupancy.Server.Models;
using Occupancy.Uplink;

namespace Occupancy.Server.Tests.Live;

/// <summary>The server's dashboard pushes with its clock stopped: what a browser receives while a site is busy.</summary>
public sealed class DashboardCoalescingTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock;
    private readonly OccupancyServerFactory _server;
    private HubConnection? _edge;

    public DashboardCoalescingTests()
    {
        _clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _server = new OccupancyServerFactory { Clock = _clock };
    }

    public async Task InitializeAsync()
    {
        _edge = _server.CreateEdgeConnection();
        await _edge.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _edge!.DisposeAsync();
        await _server.DisposeAsync();
    }

    private HubConnection Connect() => _server.CreateDashboardConnection();

    private Task Push(string desk, string state, long timestampMs) =>
        _edge!.InvokeAsync(nameof(IEdgeHub.PushDeskStates), new[] { new DeskStateChange(desk, state, timestampMs) });

    [Fact]
    public async Task ABusyFloor_ReachesTheBrowserAsOneMessagePerInterval_WithEachDesksLatestStateAndTheLatestCounts()
    {
        await using var dashboard = Connect();
        var floorMessages = new List<DeskStateView[]>();
        var countMessages = new List<SpaceSummary>();
        var secondFloorMessage = Eventually.Slot<bool>();
        var secondCountMessage = Eventually.Slot<bool>();
        dashboard.On<DeskStateView[]>(nameof(IDashboardClient.DeskStatesChanged), changes =>
        {
            lock (floorMessages)
            {
                floorMessages.Add(changes);
                if (floorMessages.Count == 2) secondFloorMessage.TrySetResult(true);
            }
        });
        dashboard.On<SpaceSummary>(nameof(IDashboardClient.SpaceCountsChanged), summary =>
        {
            lock (countMessages)
            {
                countMessages.Add(summary);
                if (countMessages.Count == 2) secondCountMessage.TrySetResult(true);
            }
        });
        await dashboard.StartAsync();
        await dashboard.InvokeAsync<SpaceSummary[]>(nameof(DashboardHub.WatchNetwork));
        await dashboard.InvokeAsync<FloorPlan>(nameof(DashboardHub.WatchFloor), "hq", "floor-1");

        // The clock stands still: the first change goes out at once, the next 30 wait for the interval to end.
        await Push("desk-101", "occupied", 1_000);
        for (int i = 1; i <= 30; i++)
        {
            await Push("desk-101", i % 2 == 0 ? "occupied" : "free", 1_000 + i);
            await Push("desk-102", i % 2 == 0 ? "free" : "occupied", 1_000 + i);
        }

        _clock.Advance(TimeSpan.FromMilliseconds(250));
        await secondFloorMessage.Within();
        await secondCountMessage.Within();

        lock (floorMessages)
        {
            Assert.Equal(2, floorMessages.Count);
            Assert.Equal([new DeskStateView("hq", "floor-1", "desk-101", "occupied")], floorMessages[0]);
            Assert.Equal(
                [new DeskStateView("hq", "floor-1", "desk-101", "occupied"), new DeskStateView("hq", "floor-1", "desk-102", "free")],
                floorMessages[1].OrderBy(d => d.Id));
        }

        lock (countMessages)
        {
            Assert.Equal(2, countMessages.Count);
            Assert.Equal((1, 1, 46), (countMessages[1].FreeDesks, countMessages[1].OccupiedDesks, countMessages[1].UnknownDesks));
        }
    }

    [Fact]
    public async Task AReconnectingBrowser_GetsTheCurrentStateAtOnce_EvenWhileAPushIsStillWaiting()
    {
        await using (var first = Connect())
        {
            await first.StartAsync();
            await first.InvokeAsync<FloorPlan>(nameof(DashboardHub.WatchFloor), "hq", "floor-1");
            await Push("desk-101", "occupied", 1_000);
        }

        // Sent within the interval: the push waits (the clock stands still), the state is current already.
        await Push("desk-101", "free", 2_000);
        await Push("desk-103", "occupied", 2_000);
        await using var again = Connect();
        await again.StartAsync();

        var plan = await again.InvokeAsync<FloorPlan>(nameof(DashboardHub.WatchFloor), "hq", "floor-1");
        var spaces = await again.InvokeAsync<SpaceSummary[]>(nameof(DashboardHub.WatchNetwork));

        Assert.Equal("free", plan.Desks.Single(d => d.Id == "desk-101").State);
        Assert.Equal("occupied", plan.Desks.Single(d => d.Id == "desk-103").State);
        Assert.Equal((1, 1), (plan.Counts.Free, plan.Counts.Occupied));
        Assert.Equal((1, 1), (spaces.Single().FreeDesks, spaces.Single().OccupiedDesks));
    }
}
