using Occupancy.Firmware.Contract;
using Occupancy.Server.Data;
using Occupancy.Server.Live.ScaleOut;
using Occupancy.Server.Models;
using Occupancy.Uplink;

namespace Occupancy.Server.Live;

/// <summary>
/// The current state of every desk in the network ("unknown" until an edge reports it) and the counts
/// derived from it. Edges' changes come in through <see cref="ApplyAsync"/>; dashboards and the REST API
/// read snapshots. Anonymous by design: a desk is free, occupied or unknown, never someone's.
/// </summary>
public sealed partial class LiveOccupancy(DashboardPublisher publisher, OccupancyMetrics metrics, LiveUpdatePublisher peers, ILogger<LiveOccupancy> logger)
{
    // _state guards the desks' states (short, synchronous sections); _publishing keeps pushes in the order
    // the changes were applied, so a dashboard never receives an older state after a newer one.
    private readonly Lock _state = new();
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private Dictionary<string, LiveSpace> _spaces = new(StringComparer.Ordinal);

    /// <summary>Replaces the layout (spaces, floors, desks). Desks that still exist keep their state.</summary>
    public void LoadLayout(IEnumerable<Space> spaces)
    {
        lock (_state)
        {
            var previous = _spaces;
            _spaces = spaces.ToDictionary(s => s.Id, s => Build(s, previous.GetValueOrDefault(s.Id)), StringComparer.Ordinal);
        }
    }

    /// <summary>Replaces one space's layout after an edit, or removes it (<paramref name="space"/> null). Kept desks keep their state.</summary>
    public void ReloadSpace(string spaceId, Space? space)
    {
        lock (_state)
        {
            var next = new Dictionary<string, LiveSpace>(_spaces, StringComparer.Ordinal);
            if (space is null)
            {
                next.Remove(spaceId);
            }
            else
            {
                next[spaceId] = Build(space, _spaces.GetValueOrDefault(spaceId));
            }

            _spaces = next;
        }
    }

    private static LiveSpace Build(Space space, LiveSpace? previous)
    {
        var floors = space.Floors
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .Select(f => new LiveFloor(
                space.Id,
                f.Id,
                f.Name,
                f.Width,
                f.Height,
                f.Desks.OrderBy(d => d.Id, StringComparer.Ordinal)
                    .Select(d => new LiveDesk(space.Id, f.Id, d.Id, d.Label, d.X, d.Y, d.Width, d.Height, d.Shape, d.Zone))
                    .ToArray()))
            .ToArray();
        var live = new LiveSpace(space.Id, space.Name, space.TimeZone, floors);
        if (previous is not null)
        {
            foreach (var desk in live.Desks.Values)
            {
                if (previous.Desks.TryGetValue(desk.Id, out var old))
                {
                    desk.State = old.State;
                    desk.TimestampMs = old.TimestampMs;
                }
            }
        }

        return live;
    }

    public SpaceSummary[] GetSpaces()
    {
        lock (_state)
        {
            return _spaces.Values.Select(s => s.ToSummary()).OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal).ToArray();
        }
    }

    public SpaceSummary? GetSpace(string spaceId)
    {
        lock (_state)
        {
            return _spaces.GetValueOrDefault(spaceId)?.ToSummary();
        }
    }

    public FloorPlan? GetFloorPlan(string spaceId, string floorId)
    {
        lock (_state)
        {
            return _spaces.GetValueOrDefault(spaceId)?.FindFloor(floorId)?.ToPlan();
        }
    }

    /// <summary>
    /// Applies an edge's changes for its own site, in order, and pushes what changed to dashboards.
    /// A change older than the desk's current state is ignored (edges resend after reconnecting);
    /// a desk that is not in <paramref name="siteId"/> is ignored and logged. With several server instances the
    /// changes then go to the other instances, which apply them the same way (<see cref="ApplyFromPeerAsync"/>).
    /// </summary>
    public async Task<DeskChangeOutcome> ApplyAsync(string siteId, IReadOnlyList<DeskStateChange> changes, CancellationToken cancellationToken)
    {
        var outcome = await ApplyHereAsync(siteId, changes, cancellationToken);
        if (outcome.Rejected < changes.Count)
        {
            await peers.DeskChangesAsync(siteId, [.. changes]);
        }

        return outcome;
    }

    /// <summary>Applies changes another server instance received from an edge (see <see cref="ScaleOut.LiveUpdateListener"/>).</summary>
    public Task<DeskChangeOutcome> ApplyFromPeerAsync(string siteId, IReadOnlyList<DeskStateChange> changes, CancellationToken cancellationToken) =>
        ApplyHereAsync(siteId, changes, cancellationToken);

    private async Task<DeskChangeOutcome> ApplyHereAsync(string siteId, IReadOnlyList<DeskStateChange> changes, CancellationToken cancellationToken)
    {
        await _publishing.WaitAsync(cancellationToken);
        try
        {
            int unchanged = 0, stale = 0, rejected = 0;
            string? firstRejected = null;
            List<LiveDesk> changed = [];
            List<IGrouping<string, DeskStateView>> byFloor;
            SpaceSummary? summary = null;

            lock (_state)
            {
                var space = _spaces.GetValueOrDefault(siteId);
                foreach (var change in changes)
                {
                    LiveDesk? desk = null;
                    if (space is null || change is null || !space.Desks.TryGetValue(change.DeskId ?? "", out desk) || !IsState(change.State))
                    {
                        rejected++;
                        firstRejected ??= change?.DeskId ?? "(null)";
                        continue;
                    }

                    if (change.TimestampMs < desk.TimestampMs)
                    {
                        stale++;
                        continue;
                    }

                    desk.TimestampMs = change.TimestampMs;
                    if (desk.State == change.State)
                    {
                        unchanged++;
                        continue;
                    }

                    desk.State = change.State;
                    changed.Add(desk);
                }

                // Views are built under the lock so each push describes exactly this state.
                byFloor = changed.DistinctBy(d => d.Id).Select(d => d.ToStateView()).GroupBy(v => v.FloorId).ToList();
                if (changed.Count > 0)
                {
                    summary = space!.ToSummary();
                }
            }

            var outcome = new DeskChangeOutcome(changed.Count, unchanged, stale, rejected);
            metrics.Record(siteId, outcome);
            if (rejected > 0)
            {
                LogRejected(rejected, siteId, firstRejected!);
            }

            foreach (var floor in byFloor)
            {
                await publisher.DeskStatesChangedAsync(siteId, floor.Key, floor.ToArray());
            }

            if (summary is not null)
            {
                await publisher.SpaceCountsChangedAsync(summary);
            }

            return outcome;
        }
        finally
        {
            _publishing.Release();
        }
    }

    private static bool IsState(string? state) =>
        state is DeskStates.Free or DeskStates.Occupied or DeskStates.Unknown;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Ignored {Count} desk changes from site {SiteId}: unknown desk of that site or invalid state (first: desk {DeskId})")]
    private partial void LogRejected(int count, string siteId, string deskId);
}
