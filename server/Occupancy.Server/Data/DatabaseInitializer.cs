using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Occupancy.Server.Live;

namespace Occupancy.Server.Data;

/// <summary>Prepares the database on start: creates it, seeds an empty one, and hands the layout to live occupancy.</summary>
public sealed partial class DatabaseInitializer(
    OccupancyDbContext db,
    IOptions<SeedOptions> seedOptions,
    LiveOccupancy live,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        // EnsureCreated while SQLite is the only store; migrations arrive with PostgreSQL (DESIGN.md D5),
        // and then replace this call (EnsureCreated databases cannot be migrated later).
        await db.Database.EnsureCreatedAsync(cancellationToken);

        var networkFile = seedOptions.Value.NetworkFile;
        if (!string.IsNullOrWhiteSpace(networkFile) && !await db.Spaces.AnyAsync(cancellationToken))
        {
            var spaces = await NetworkSeeder.ReadAsync(networkFile, cancellationToken);
            db.Spaces.AddRange(spaces);
            await db.SaveChangesAsync(cancellationToken);
            LogSeeded(spaces.Count, spaces.Sum(s => s.Floors.Sum(f => f.Desks.Count)), networkFile);
        }

        var layout = await db.Spaces
            .AsNoTracking()
            .Include(s => s.Floors).ThenInclude(f => f.Desks)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        live.LoadLayout(layout);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {SpaceCount} spaces with {DeskCount} desks from {NetworkFile}")]
    private partial void LogSeeded(int spaceCount, int deskCount, string networkFile);
}
