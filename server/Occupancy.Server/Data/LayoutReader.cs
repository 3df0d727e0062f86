using Microsoft.EntityFrameworkCore;

namespace Occupancy.Server.Data;

/// <summary>Reads every space's floors and desks, as live occupancy needs them.</summary>
public static class LayoutReader
{
    public static Task<List<Space>> ReadAsync(OccupancyDbContext db, CancellationToken cancellationToken) =>
        db.Spaces
            .AsNoTracking()
            .Include(s => s.Floors).ThenInclude(f => f.Desks)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
}
