using Microsoft.EntityFrameworkCore;

namespace Occupancy.Server.Data;

/// <summary>The data on PostgreSQL (production); its migrations are in Migrations/PostgreSql.</summary>
public sealed class PostgreSqlOccupancyDbContext(DbContextOptions<PostgreSqlOccupancyDbContext> options) : OccupancyDbContext(options);
