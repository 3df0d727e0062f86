using Occupancy.Testing;

namespace Occupancy.Server.Tests.Utilisation;

/// <summary>A real influxd holding <see cref="KnownWeek"/> and a server reading it, shared by a test class.</summary>
public sealed class UtilisationWorld : IAsyncLifetime
{
    private InfluxdServer? _influxd;
    private OccupancyServerFactory? _server;

    public InfluxdServer Influxd => _influxd ?? throw new InvalidOperationException("Not started.");

    public OccupancyServerFactory Server => _server ?? throw new InvalidOperationException("Not started.");

    public Session Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _influxd = await InfluxdServer.StartAsync();
        await KnownWeek.SeedAsync(_influxd);
        _server = new OccupancyServerFactory(settings: KnownWeek.Settings(_influxd));
        Admin = await Session.AdminAsync(_server);
        await KnownWeek.SetOpeningHoursAsync(Admin.Client);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_influxd is not null)
        {
            await _influxd.DisposeAsync();
        }
    }
}
