using Occupancy.Server.Tests;
using Occupancy.Server.Tests.Authorization;
using Occupancy.Testing;

namespace Occupancy.Server.PostgreSql.Tests;

/// <summary>The authorisation matrix's world on a PostgreSQL of its own, so every endpoint also runs on PostgreSQL.</summary>
public sealed class PostgreSqlAccessWorld : AccessWorld
{
    private PostgresServer? _postgres;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    protected override async Task<string?> ConnectionStringAsync()
    {
        _postgres = await PostgresServer.StartAsync();
        return _postgres.ConnectionString("matrix");
    }
}
