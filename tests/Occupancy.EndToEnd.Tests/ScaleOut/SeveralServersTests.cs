using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Occupancy.Firmware.Desk;
using Occupancy.Firmware.Simulator;
using Occupancy.Server.Models;
using Occupancy.Testing;
using Occupancy.Uplink;

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

    private string? _database;

    [Fact]
    public async Task ALayoutEditMadeOnInstanceB_ReachesTheEdgeConnectedToA_AndTheLiveCountsOfA()
    {
        await using var instanceA = new ServerOnKestrel(SiteKey, Settings());
        await using var instanceB = new ServerOnKestrel(SiteKey, Settings());
        var configs = new List<SiteConfig>();
        await using var edge = new HubConnectionBuilder()
            .WithUrl(new Uri(instanceA.BaseUrl, EdgeHubContract.Path.TrimStart('/')), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.Headers[EdgeHubContract.SiteKeyHeader] = SiteKey;
            })
            .Build();
        edge.On<SiteConfig>(nameof(IEdgeClient.SiteConfigChanged), config =>
        {
            lock (configs)
            {
                configs.Add(config);
            }
        });
        await edge.StartAsync();
        var admin = await SignedIn.AdminAsync(instanceB);

        // Instance B hears that the site's edge connected to A.
        await Eventually.Until(
            async () => (await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/spaces/hq")).GetProperty("edgeOnline").GetBoolean(),
            Patience,
            "instance B reports the hq edge (connected to A) online");

        using var removed = await admin.Client.DeleteAsync("/api/admin/spaces/hq/desks/desk-101");
        Assert.True(removed.IsSuccessStatusCode, $"removing desk-101 through B answered {(int)removed.StatusCode}");

        // Through the backplane: the edge on A gets the new configuration from B.
        await Eventually.Until(
            () => { lock (configs) { return configs.Any(c => c.Desks.All(d => d.DeskId != "desk-101")); } },
            Patience,
            "the edge connected to A receives the configuration without desk-101");

        // Through the live updates: A has read the space again, so its counts drop a desk.
        using var anonymous = new HttpClient { BaseAddress = instanceA.BaseUrl };
        await Eventually.Until(
            async () => (await anonymous.GetFromJsonAsync<SpaceSummary[]>("/api/spaces"))!.Single(s => s.Id == "hq").TotalDesks == 47,
            Patience,
            "instance A counts 47 desks in hq");
    }

    [Fact]
    public async Task ADeskChangePushedIntoInstanceA_ReachesABrowserOnInstanceB_AndABrowserOpenedLaterOnBSeesItAtOnce()
    {
        var settings = Settings();
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

    /// <summary>Both instances of a test: one fresh database, the shared Redis.</summary>
    private Dictionary<string, string?> Settings() => new()
    {
        ["ConnectionStrings:Occupancy"] = _database ??= postgres.NewDatabase(),
        ["Server:Redis"] = redis.Server.ConnectionString,
    };
}
