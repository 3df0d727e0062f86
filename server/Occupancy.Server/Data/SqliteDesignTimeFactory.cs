using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Occupancy.Server.Data;

/// <summary>
/// For `dotnet ef migrations add --context SqliteOccupancyDbContext`: builds the context without starting the
/// server. Adding a migration never opens the database.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOccupancyDbContext>
{
    public SqliteOccupancyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOccupancyDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
