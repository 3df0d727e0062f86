using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Desk;
using Occupancy.Testing;

namespace Occupancy.Firmware.Simulator.Tests;

public sealed class FleetTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly string DemoNetwork = Path.Combine(AppContext.BaseDirectory, "demo", "network.json");

    private EmbeddedBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await EmbeddedBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public void SiteDevices_FromTheDemoNetwork_ListsEveryDeskAndDoorOfTheSite()
    {
        var site = SiteDevices.Load(DemoNetwork, "hq");

        Assert.Equal(48, site.DeskDeviceIds.Count);
        Assert.Equal(new[] { "reader-front", "reader-terrace" }, site.DoorDeviceIds);
        Assert.Contains("sensor-101", site.DeskDeviceIds);
        Assert.All(site.DeskDeviceIds.Concat(site.DoorDeviceIds), id => Assert.True(Ids.IsValid(id), id));
    }

    [Fact]
    public void SiteDevices_ForAnUnknownSite_SaysWhichSitesExist()
    {
        var error = Assert.Throws<InvalidDataException>(() => SiteDevices.Load(DemoNetwork, "nowhere"));

        Assert.Contains("'nowhere'", error.Message);
        Assert.Contains("hq", error.Message);
    }

    [Fact]
    public async Task Fleet_FromTheDemoNetwork_ConnectsEveryDeviceAndPlaysTheDay()
    {
        var site = SiteDevices.Load(DemoNetwork, "hq");
        var options = new FleetOptions
        {
            BrokerHost = _broker.Host,
            BrokerPort = _broker.Port,
            Sensor = new DeskSensorOptions { OccupiedAfterMs = 300, FreeAfterMs = 2000, PresenceGapMs = 500 },
            Seed = 7,
        };

        await using var fleet = await Fleet.StartAsync(options, site);
        Assert.Equal(48, fleet.Desks.Count);
        Assert.Equal(2, fleet.Doors.Count);
        await Eventually.Until(() => fleet.ConnectedCount == 50, Timeout, "all 50 devices are connected");
        await Eventually.Until(async () => await _broker.ConnectedClientCountAsync() == 50, Timeout, "the broker sees 50 clients");

        using var day = new CancellationTokenSource();
        var running = fleet.RunAsync(day.Token);
        await Eventually.Until(() => fleet.OccupiedCount > 0, Timeout, "people sit down");
        await Eventually.Until(
            () => _broker.Published.Any(m => m.Topic.EndsWith("/state", StringComparison.Ordinal) && m.Payload.Contains("\"occupied\"", StringComparison.Ordinal)),
            Timeout,
            "an occupied desk reaches the broker");
        day.Cancel();
        await running;

        Assert.Matches(@"^connected 50/50 devices, occupied \d+/48 desks, open \d/2 doors$", fleet.Summary());
    }
}
