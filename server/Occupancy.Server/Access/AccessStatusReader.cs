using Microsoft.EntityFrameworkCore;
using Occupancy.Server.Data;
using Occupancy.Server.Live;
using Occupancy.Server.Models;

namespace Occupancy.Server.Access;

/// <summary>Puts together a space's <see cref="SpaceAccessStatus"/>: lockdown and versions from the database, the edge's report from memory.</summary>
public sealed class AccessStatusReader(OccupancyDbContext db, EdgeReplicaReports reports, EdgeConnections edges)
{
    public async Task<SpaceAccessStatus?> ReadAsync(string spaceId, CancellationToken cancellationToken)
    {
        var lockdown = await db.Spaces.AsNoTracking().Where(s => s.Id == spaceId).Select(s => (bool?)s.Lockdown).SingleOrDefaultAsync(cancellationToken);
        if (lockdown is null)
        {
            return null;
        }

        long version = await db.AccessSequence.AsNoTracking().Where(s => s.Id == AccessSequence.NetworkRow).Select(s => s.Value).SingleAsync(cancellationToken);
        var report = reports.Of(spaceId);
        return new SpaceAccessStatus(
            spaceId,
            lockdown.Value,
            version,
            edges.StatusOf(spaceId).Online,
            report?.Version,
            report is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(report.SyncedAtMs));
    }
}
