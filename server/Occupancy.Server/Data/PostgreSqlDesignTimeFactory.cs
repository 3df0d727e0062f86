using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Occupancy.Server.Data;

/// <summary>For `dotnet ef migrations add --context PostgreSqlOccupancyDbContext`; never connects.</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlOccupancyDbContext>
{
    public PostgreSqlOccupancyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlOccupancyDbContext>().UseNpgsql("Host=localhost;Database=occupancy").Options);
}
