using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Occupancy.Server.Data;
using Occupancy.Server.Hubs;
using Occupancy.Uplink;

namespace Occupancy.Server.Live;

/// <summary>
/// What follows a saved change of a space's layout (desks, doors, zones, floors, devices, name): the space's config
/// version grows, live occupancy takes the new layout, the site's connected edge gets the new SiteConfig, and
/// dashboards get the space's new counts.
/// </summary>
public sealed partial class LayoutChanges(
    LiveOccupancy live,
    SiteConfigReader siteConfigs,
    DashboardPublisher dashboards,
    IHubContext<EdgeHub, IEdgeClient> edges,
    ILogger<LayoutChanges> logger)
{
    /// <param name="db">The request's context (the same scoped one SiteConfigReader reads through).</param>
    public async Task PublishAsync(OccupancyDbContext db, string spaceId, CancellationToken cancellationToken)
    {
        // One statement, so two edits at once still give two distinct versions.
        await db.Spaces.Where(s => s.Id == spaceId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ConfigVersion, s => s.ConfigVersion + 1), cancellationToken);

        var space = await db.Spaces.AsNoTracking()
            .Include(s => s.Floors).ThenInclude(f => f.Desks)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == spaceId, cancellationToken);
        live.ReloadSpace(spaceId, space);
        if (space is null)
        {
            return;
        }

        var config = await siteConfigs.ReadAsync(spaceId, cancellationToken);
        if (config is not null)
        {
            await edges.Clients.Group(EdgeHub.SiteGroup(spaceId)).SiteConfigChanged(config);
            LogPushed(spaceId, config.Version);
        }

        if (live.GetSpace(spaceId) is { } summary)
        {
            await dashboards.SpaceCountsChangedAsync(summary);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Layout of space {SpaceId} changed: config version {Version} sent to its edge")]
    private partial void LogPushed(string spaceId, long version);
}
