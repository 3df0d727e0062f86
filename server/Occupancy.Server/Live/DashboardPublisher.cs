using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Occupancy.Server.Hubs;
using Occupancy.Server.Models;

namespace Occupancy.Server.Live;

/// <summary>
/// The one place that pushes to dashboards, and decides what reaches whom (everyone: states and counts; hosts:
/// host events). Desk states are coalesced per floor group (latest state per desk) and counts per space (latest
/// counts), each group pushed at most once per <see cref="DashboardPushOptions.Interval"/>; a connection that
/// (re)joins gets the current state from the hub's Watch… answer at once, so nothing waits on the coalescing.
/// Host events are rare and go out as they come.
/// </summary>
public sealed partial class DashboardPublisher(
    IHubContext<DashboardHub, IDashboardClient> hub,
    TimeProvider clock,
    IOptions<DashboardPushOptions> options,
    ILogger<DashboardPublisher> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, CoalescedPush<DeskStateView>> _floors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CoalescedPush<SpaceSummary>> _counts = new(StringComparer.Ordinal);

    public Task DeskStatesChangedAsync(string spaceId, string floorId, DeskStateView[] changes)
    {
        var group = DashboardGroups.Floor(spaceId, floorId);
        var push = _floors.GetOrAdd(group, g => Coalesced<DeskStateView>(batch => hub.Clients.Group(g).DeskStatesChanged(batch), g));
        Observe(push.PostAsync(changes.Select(c => KeyValuePair.Create(c.Id, c))), group);
        return Task.CompletedTask;
    }

    public Task SpaceCountsChangedAsync(SpaceSummary summary)
    {
        // One coalescing per space, so a busy space never delays (or drops) another space's counts.
        var push = _counts.GetOrAdd(summary.Id, id => Coalesced<SpaceSummary>(
            async batch =>
            {
                foreach (var counts in batch)
                {
                    await hub.Clients.Group(DashboardGroups.Network).SpaceCountsChanged(counts);
                }
            },
            $"{DashboardGroups.Network} ({id})"));
        Observe(push.PostAsync([KeyValuePair.Create(summary.Id, summary)]), DashboardGroups.Network);
        return Task.CompletedTask;
    }

    public Task EdgeStatusChangedAsync(EdgeStatus status) =>
        HostsOf(status.SpaceId).EdgeStatusChanged(status);

    public Task AccessLoggedAsync(string spaceId, AccessLogView[] entries) =>
        HostsOf(spaceId).AccessLogged(entries);

    public Task AccessStatusChangedAsync(SpaceAccessStatus status) =>
        HostsOf(status.SpaceId).AccessStatusChanged(status);

    private IDashboardClient HostsOf(string spaceId) =>
        hub.Clients.Groups(DashboardGroups.Hosts(spaceId), DashboardGroups.Admins);

    /// <summary>The caller (an edge's call) does not wait for the fan-out to browsers; a failed send is logged.</summary>
    private void Observe(Task sending, string group) =>
        sending.ContinueWith(t => LogPushFailed(t.Exception!.GetBaseException(), group), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private CoalescedPush<T> Coalesced<T>(Func<T[], Task> send, string group) =>
        new(options.Value.Interval, clock, send, error => LogPushFailed(error, group));

    public void Dispose()
    {
        foreach (var push in _floors.Values)
        {
            push.Dispose();
        }

        foreach (var push in _counts.Values)
        {
            push.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A coalesced push to dashboard group {Group} failed")]
    private partial void LogPushFailed(Exception error, string group);
}
