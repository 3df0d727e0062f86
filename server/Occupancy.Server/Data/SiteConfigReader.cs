using Microsoft.EntityFrameworkCore;
using Occupancy.Uplink;

namespace Occupancy.Server.Data;

/// <summary>Builds the configuration an edge gateway needs for its site.</summary>
public sealed class SiteConfigReader(OccupancyDbContext db)
{
    public async Task<SiteConfig?> ReadAsync(string siteId, CancellationToken cancellationToken)
    {
        var space = await db.Spaces.AsNoTracking().SingleOrDefaultAsync(s => s.Id == siteId, cancellationToken);
        if (space is null)
        {
            return null;
        }

        var desks = await db.Desks.AsNoTracking()
            .Where(d => d.SpaceId == siteId)
            .OrderBy(d => d.Id)
            .Select(d => new DeskConfig(d.Id, d.FloorId, d.Zone, d.DeviceId))
            .ToArrayAsync(cancellationToken);
        var doors = await db.Doors.AsNoTracking()
            .Where(d => d.SpaceId == siteId)
            .OrderBy(d => d.Id)
            .Select(d => new DoorConfig(d.Id, d.DeviceId))
            .ToArrayAsync(cancellationToken);

        // Only devices with a secret can log in; the edge gets the hash, the secret was shown once.
        var devices = await db.Devices.AsNoTracking()
            .Where(d => d.SpaceId == siteId && d.SecretSalt != null && d.SecretHash != null)
            .OrderBy(d => d.Id)
            .Select(d => new ProvisionedDevice(d.Id, d.SecretSalt!, d.SecretHash!))
            .ToArrayAsync(cancellationToken);

        return new SiteConfig(space.Id, space.Name, space.ConfigVersion, desks, doors, devices);
    }
}
