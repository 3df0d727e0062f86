using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Occupancy.Server.Data;
using Occupancy.Server.Hubs;
using Occupancy.Server.Live.ScaleOut;
using Occupancy.Uplink;

namespace Occupancy.Server.Live;

/// <summary>
/// What follows a saved change of a space's layout (desks, doors, zones, floors, devices, name): the space's config
/// version grows, live occupancy takes the new layout, the site's connected edge gets the new SiteConfig, and
/// dashboards get the space's new counts.
/// </summary>
public sealed partial class LayoutChanges(
    OccupancyDbContext db,
    LiveOccupancy live,
    SiteConfigReader siteConfigs,
    DashboardPublisher dashboards,
    IHubContext<EdgeHub, IEdgeClient> edges,
    LiveUpdatePublisher peers,
    ILogger<LayoutChanges> logger)
{
    /// <param name="requestDb">The request's context (the same scoped one SiteConfigReader reads through).</param>
    public async Task PublishAsync(OccupancyDbContext requestDb, string spaceId, CancellationToken cancellationToken)
    {
        // One statement, so two edits at once still give two distinct versions.
        await requestDb.Spaces.Where(s => s.Id == spaceId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ConfigVersion, s => s.ConfigVersion + 1), cancellationToken);

        if (!await ReloadLiveAsync(spaceId, cancellationToken))
        {
            await peers.LayoutChangedAsync(spaceId);
            return;
        }

        // The edge hub runs on the Redis backplane when scaled out: the site's edge gets this wherever it is connected.
        var config = await siteConfigs.ReadAsync(spaceId, cancellationToken);
        if (config is not null)
        {
            await edges.Clients.Group(EdgeHub.SiteGroup(spaceId)).SiteConfigChanged(config);
            LogPushed(spaceId, config.Version);
        }

        await peers.LayoutChangedAsync(spaceId);
    }

    /// <summary>
    /// Reads the space's layout again into live occupancy (removing it when it is gone) and pushes its new counts to
    /// dashboards; false when the space no longer exists. Other server instances call this when told of an edit.
    /// </summary>
    public async Task<bool> ReloadLiveAsync(string spaceId, CancellationToken cancellationToken)
    {
        var space = await db.Spaces.AsNoTracking()
            .Include(s => s.Floors).ThenInclude(f => f.Desks)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == spaceId, cancellationToken);
        live.ReloadSpace(spaceId, space);
        if (space is null)
        {
            return false;
        }

        if (live.GetSpace(spaceId) is { } summary)
        {
            await dashboards.SpaceCountsChangedAsync(summary);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Layout of space {SpaceId} changed: config version {Version} sent to its edge")]
    private partial void LogPushed(string spaceId, long version);
}
