using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Occupancy.Server.Live;

namespace Occupancy.Server.Data;

/// <summary>
/// Prepares the database on start: applies the provider's migrations, seeds an empty one, and hands the layout
/// to live occupancy.
/// </summary>
public sealed partial class DatabaseInitializer(
    OccupancyDbContext db,
    DatabaseLocation location,
    IOptions<SeedOptions> seedOptions,
    LiveOccupancy live,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await SetAsideUnmigratedSqliteFileAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);

        var networkFile = seedOptions.Value.NetworkFile;
        if (!string.IsNullOrWhiteSpace(networkFile) && !await db.Spaces.AnyAsync(cancellationToken))
        {
            var spaces = await NetworkSeeder.ReadAsync(networkFile, cancellationToken);
            db.Spaces.AddRange(spaces);
            await db.SaveChangesAsync(cancellationToken);
            LogSeeded(spaces.Count, spaces.Sum(s => s.Floors.Sum(f => f.Desks.Count)), networkFile);
        }

        live.LoadLayout(await LayoutReader.ReadAsync(db, cancellationToken));
    }

    /// <summary>
    /// Servers before migrations made their SQLite file with EnsureCreated, which Migrate cannot upgrade. Such a
    /// file holds only the seeded network, so it is renamed (kept, never deleted) and a fresh one is made.
    /// </summary>
    private async Task SetAsideUnmigratedSqliteFileAsync(CancellationToken cancellationToken)
    {
        if (location.Provider != DatabaseProviders.Sqlite)
        {
            return;
        }

        var file = new SqliteConnectionStringBuilder(location.ConnectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:" || !File.Exists(file))
        {
            return;
        }

        var tables = await db.Database
            .SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name IN ('Spaces', '__EFMigrationsHistory')")
            .ToListAsync(cancellationToken);
        if (tables.Contains("Spaces") && !tables.Contains("__EFMigrationsHistory"))
        {
            await db.Database.CloseConnectionAsync();
            SqliteConnection.ClearAllPools();
            var aside = $"{file}.before-migrations-{DateTime.UtcNow:yyyyMMddHHmmss}";
            File.Move(file, aside);
            LogSetAside(file, aside);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {SpaceCount} spaces with {DeskCount} desks from {NetworkFile}")]
    private partial void LogSeeded(int spaceCount, int deskCount, string networkFile);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The database {File} was made before migrations and cannot be upgraded; it was moved to {Aside} and a new one is created")]
    private partial void LogSetAside(string file, string aside);
}
