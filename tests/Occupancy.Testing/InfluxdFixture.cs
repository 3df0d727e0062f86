using Xunit;

namespace Occupancy.Testing;

/// <summary>One influxd shared by the tests of a class or collection.</summary>
public class InfluxdFixture : IAsyncLifetime
{
    private InfluxdServer? _server;

    public InfluxdServer Server => _server ?? throw new InvalidOperationException("The fixture has not started yet.");

    public async Task InitializeAsync() => _server = await InfluxdServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
