using Microsoft.EntityFrameworkCore;
using Occupancy.Server.Data;
using Occupancy.Server.Live;
using Occupancy.Server.Models;
using Occupancy.Uplink;

namespace Occupancy.Server.Access;

/// <summary>
/// Stores what an edge forwards for its site's access log, once per event id (the edge resends after any failure),
/// resolves each pseudonym to its member, and pushes the new entries to the space's hosts.
/// </summary>
public sealed class AccessLogWriter(OccupancyDbContext db, MemberPseudonyms pseudonyms, DashboardPublisher dashboards, TimeProvider clock)
{
    public const int MaxBatch = 1000;

    public async Task<int> StoreAsync(string siteId, AccessEvent[] events, CancellationToken cancellationToken)
    {
        var valid = events.Where(e => e is { EventId.Length: > 0 and <= 200, Kind.Length: > 0, DoorId.Length: > 0 })
            .DistinctBy(e => e.EventId)
            .ToList();
        if (valid.Count == 0)
        {
            return 0;
        }

        var ids = valid.Select(e => e.EventId).ToList();
        var stored = (await db.AccessLog.AsNoTracking().Where(e => e.SpaceId == siteId && ids.Contains(e.EventId)).Select(e => e.EventId).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var fresh = valid.Where(e => !stored.Contains(e.EventId)).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        var members = await pseudonyms.ResolveAsync(db, fresh.Select(e => e.Member ?? ""), cancellationToken);
        long now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var entries = fresh.Select(e => new AccessLogEntry
        {
            SpaceId = siteId,
            EventId = e.EventId,
            Kind = Clip(e.Kind),
            DoorId = Clip(e.DoorId),
            Granted = e.Granted,
            Reason = Clip(e.Reason ?? ""),
            MemberPseudonym = Clip(e.Member ?? ""),
            MemberId = members.TryGetValue(e.Member ?? "", out var id) ? id : null,
            TimestampMs = e.TimestampMs,
            ReceivedMs = now,
        }).ToList();
        db.AccessLog.AddRange(entries);
        await db.SaveChangesAsync(cancellationToken);

        var names = await AccessLogViews.NamesAsync(db, entries.Select(e => e.MemberId), cancellationToken);
        await dashboards.AccessLoggedAsync(siteId, [.. entries.OrderBy(e => e.TimestampMs).Select(e => AccessLogViews.View(e, names))]);
        return entries.Count;
    }

    private static string Clip(string text) => text.Length <= 100 ? text : text[..100];
}
