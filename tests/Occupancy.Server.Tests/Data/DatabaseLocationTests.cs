using Microsoft.Extensions.Options;
using Occupancy.Server.Data;

namespace Occupancy.Server.Tests.Data;

public sealed class DatabaseLocationTests
{
    private static readonly ServerOptions Server = new() { DataDirectory = Path.Combine(Path.GetTempPath(), "occupancy-location-tests") };

    [Theory]
    [InlineData("Host=db.internal;Database=occupancy;Username=app", null, DatabaseProviders.PostgreSql)]
    [InlineData("Server=db.internal;Database=occupancy", null, DatabaseProviders.PostgreSql)]
    [InlineData("Data Source=/var/lib/occupancy/occupancy.db", null, DatabaseProviders.Sqlite)]
    [InlineData("Host=db.internal;Database=occupancy", "PostgreSQL", DatabaseProviders.PostgreSql)]
    [InlineData("Data Source=x.db", "sqlite", DatabaseProviders.Sqlite)]
    public void Resolve_TakesTheProviderFromSettingsOrTheConnectionString(string connectionString, string? provider, string expected)
    {
        var (resolved, used) = DatabaseLocation.Resolve(connectionString, provider, Server);

        Assert.Equal((expected, connectionString), (resolved, used));
    }

    [Fact]
    public void Resolve_WithoutAConnectionString_UsesSqliteInTheDataDirectory()
    {
        var (provider, connectionString) = DatabaseLocation.Resolve(null, null, Server);

        Assert.Equal(DatabaseProviders.Sqlite, provider);
        Assert.Contains(Path.Combine(Server.DataDirectory, DatabaseLocation.FileName), connectionString);
    }

    [Theory]
    [InlineData("Data Source=x.db", "mysql", "use 'sqlite' or 'postgresql'")]
    [InlineData(null, "postgresql", "ConnectionStrings:Occupancy is not set")]
    [InlineData("Database=occupancy", null, "set Database:Provider")]
    public void Resolve_UnclearSettings_FailWithAReason(string? connectionString, string? provider, string reason)
    {
        var error = Assert.Throws<OptionsValidationException>(() => DatabaseLocation.Resolve(connectionString, provider, Server));

        Assert.Contains(reason, error.Message);
    }
}
