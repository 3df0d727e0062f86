using Microsoft.EntityFrameworkCore;

namespace Occupancy.Server.Data;

/// <summary>The data on SQLite (the default, a file in the data folder); its migrations are in Migrations/Sqlite.</summary>
public sealed class SqliteOccupancyDbContext(DbContextOptions<SqliteOccupancyDbContext> options) : OccupancyDbContext(options);
