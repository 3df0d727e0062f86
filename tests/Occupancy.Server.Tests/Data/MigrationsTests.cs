using Microsoft.EntityFrameworkCore;
using Occupancy.Server.Data;

namespace Occupancy.Server.Tests.Data;

public sealed class MigrationsTests
{
    [Fact]
    public void SqliteMigrations_CoverTheWholeModel()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration: see Data/Migrations/README.md.");
    }

    [Fact]
    public void PostgreSqlMigrations_CoverTheWholeModel()
    {
        using var db = new PostgreSqlDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration: see Data/Migrations/README.md.");
    }

    [Fact]
    public void BothProviders_HaveTheSameMigrations()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgreSqlDesignTimeFactory().CreateDbContext([]);

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);
        Assert.Equal(Names(sqlite), Names(postgres));
    }
}
