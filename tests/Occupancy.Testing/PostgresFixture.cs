using Xunit;

namespace Occupancy.Testing;

/// <summary>One PostgreSQL shared by the tests of a class or collection; each test uses its own database name.</summary>
public class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The fixture has not started yet.");

    /// <summary>A connection string for a database no other test uses (created on first connect by Migrate).</summary>
    public string NewDatabase() => Server.ConnectionString($"test_{Guid.NewGuid():N}");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
