using Microsoft.Playwright;
using Occupancy.Firmware.Desk;
using Occupancy.Firmware.Simulator;
using Occupancy.Testing;

namespace Occupancy.EndToEnd.Tests.ScaleOut;

/// <summary>
/// Two server instances on one PostgreSQL database, sharing a Redis (SignalR backplane and live updates between
/// instances), as docs/deployment.md describes: an edge connected to instance A, browsers connected to instance B.
/// </summary>
public sealed class SeveralServersTests(PostgresFixture postgres, RedisFixture redis, InfluxdFixture influx, BrowserFixture browser)
    : IClassFixture<PostgresFixture>, IClassFixture<RedisFixture>, IClassFixture<InfluxdFixture>, IClassFixture<BrowserFixture>
{
    private const string SiteKey = "several-servers-site-key";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ADeskChangePushedIntoInstanceA_ReachesABrowserOnInstanceB_AndABrowserOpenedLaterOnBSeesItAtOnce()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Occupancy"] = postgres.NewDatabase(),
            ["Server:Redis"] = redis.Server.ConnectionString,
        };
        await using var instanceA = new ServerOnKestrel(SiteKey, settings);
        await using var instanceB = new ServerOnKestrel(SiteKey, settings);
        await using var edge = await SiteEdge.StartAsync("hq", instanceA.BaseUrl, SiteKey, influx.Server, ["sensor-101"]);

        await using var desk = await SimulatedDeskDevice.StartAsync(
            edge.DeviceSettings("sensor-101"),
            new DeskSensorOptions { OccupiedAfterMs = 300, FreeAfterMs = 600, PresenceGapMs = 200 },
            loggerFactory: null);

        var watching = await browser.NewPageAsync();
        await watching.GotoAsync(new Uri(instanceB.BaseUrl, "#/spaces/hq/floors/floor-1").ToString());
        var deskSeenOnB = watching.Locator("[data-desk-id='desk-101']");

        // The sensor announces itself as free on connecting, to the edge, which pushes it into instance A.
        await Assertions.Expect(deskSeenOnB).ToHaveAttributeAsync("data-state", "free", new() { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(watching.GetByTestId("free-count")).ToHaveTextAsync("1 of 24 desks free");

        desk.SetPresence(true);

        await Assertions.Expect(deskSeenOnB).ToHaveAttributeAsync("data-state", "occupied", new() { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(watching.GetByTestId("free-count")).ToHaveTextAsync("0 of 24 desks free");

        // A browser that connects to B only now gets the state from B's own snapshot, with no push to wait for.
        var openedLater = await browser.NewPageAsync();
        await openedLater.GotoAsync(new Uri(instanceB.BaseUrl, "#/spaces/hq/floors/floor-1").ToString());
        await Assertions.Expect(openedLater.Locator("[data-desk-id='desk-101']")).ToHaveAttributeAsync("data-state", "occupied");
        await Assertions.Expect(openedLater.GetByTestId("free-count")).ToHaveTextAsync("0 of 24 desks free");
    }
}
