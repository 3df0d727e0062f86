using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Occupancy.Firmware.Desk;
using Occupancy.Firmware.Simulator;
using Occupancy.Server.Models;
using Occupancy.Testing;

namespace Occupancy.EndToEnd.Tests.ScaleOut;

/// <summary>
/// One server for a network of three spaces, each with its own real edge (embedded broker on its own port,
/// InfluxDB, uplink with its own site key) and a simulated desk sensor: members see all three live in one
/// network view; each space's host sees only their own space.
/// </summary>
public sealed class ManySitesTests(InfluxdFixture influx, BrowserFixture browser)
    : IClassFixture<InfluxdFixture>, IClassFixture<BrowserFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly string[] Sites = ["north", "south", "east"];
    private static readonly DeskSensorOptions QuickSensor = new() { OccupiedAfterMs = 300, FreeAfterMs = 600, PresenceGapMs = 200 };

    private static string NetworkFile => Path.Combine(RepositoryRoot.Path, "tests", "Occupancy.EndToEnd.Tests", "ScaleOut", "three-spaces.json");

    private static string KeyOf(string site) => $"{site}-site-key-for-end-to-end";

    [Fact]
    public async Task ThreeSitesOnOneServer_AppearTogetherInTheNetworkView_EachUpdatingLiveOnItsOwn()
    {
        await using var server = NetworkServer();
        await using var edges = await StartEdgesAsync(server);
        var sensors = new Dictionary<string, SimulatedDeskDevice>();
        foreach (var edge in edges.All)
        {
            string sensor = $"sensor-{edge.SiteId[0]}1";
            sensors[edge.SiteId] = await SimulatedDeskDevice.StartAsync(edge.DeviceSettings(sensor), QuickSensor, loggerFactory: null);
        }

        try
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(server.BaseUrl.ToString());

            // Each sensor announces its desk free on connecting; the other desk of each space has no sensor.
            foreach (var site in Sites)
            {
                await Assertions.Expect(FreeOf(page, site)).ToHaveTextAsync("1 free of 2", new() { Timeout = (float)Patience.TotalMilliseconds });
            }

            sensors["south"].SetPresence(true);

            await Assertions.Expect(FreeOf(page, "south")).ToHaveTextAsync("0 free of 2", new() { Timeout = (float)Patience.TotalMilliseconds });
            await Assertions.Expect(FreeOf(page, "north")).ToHaveTextAsync("1 free of 2");
            await Assertions.Expect(FreeOf(page, "east")).ToHaveTextAsync("1 free of 2");

            sensors["east"].SetPresence(true);
            sensors["south"].SetPresence(false);

            await Assertions.Expect(FreeOf(page, "east")).ToHaveTextAsync("0 free of 2", new() { Timeout = (float)Patience.TotalMilliseconds });
            await Assertions.Expect(FreeOf(page, "south")).ToHaveTextAsync("1 free of 2", new() { Timeout = (float)Patience.TotalMilliseconds });
            await Assertions.Expect(FreeOf(page, "north")).ToHaveTextAsync("1 free of 2");
        }
        finally
        {
            foreach (var sensor in sensors.Values)
            {
                await sensor.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task EachSitesHost_SeesOnlyTheirOwnSpace_InTheAdminApiAndInLiveEdgeEvents()
    {
        await using var server = NetworkServer();
        var admin = await SignedIn.AdminAsync(server);
        var northHost = await NewHostAsync(server, admin, "north-host", "north");
        var southHost = await NewHostAsync(server, admin, "south-host", "south");

        var northSpaces = await northHost.Client.GetFromJsonAsync<SpaceSettingsIds[]>("/api/admin/spaces");
        Assert.Equal(["north"], northSpaces!.Select(s => s.Id));
        using var other = await northHost.Client.GetAsync("/api/admin/spaces/south");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);

        await using var northEvents = await EdgeEventsAsync(server, northHost);
        await using var southEvents = await EdgeEventsAsync(server, southHost);
        await using var edges = await StartEdgesAsync(server);

        // Each host hears of their own site's edge coming online, and nothing of the other sites' edges: a host's
        // connection gets pushes in the order they were sent, so by the time their own site's event is in, any
        // event for another site sent before it would be in too.
        await Eventually.Until(() => northEvents.Received.Any(s => s is { SpaceId: "north", Online: true }), Patience, "the north host hears the north edge is online");
        await Eventually.Until(() => southEvents.Received.Any(s => s is { SpaceId: "south", Online: true }), Patience, "the south host hears the south edge is online");
        await edges.StopAsync("north");
        await Eventually.Until(() => northEvents.Received.Any(s => s is { SpaceId: "north", Online: false }), Patience, "the north host hears the north edge went offline");

        Assert.All(northEvents.Received, status => Assert.Equal("north", status.SpaceId));
        Assert.All(southEvents.Received, status => Assert.Equal("south", status.SpaceId));
    }

    // The demo site hq has no space in this network; its key is there only because ServerOnKestrel sets one.
    private ServerOnKestrel NetworkServer() => new("hq-site-key-unused-here", new Dictionary<string, string?>
    {
        ["Seed:NetworkFile"] = NetworkFile,
        ["EdgeKeys:north"] = KeyOf("north"),
        ["EdgeKeys:south"] = KeyOf("south"),
        ["EdgeKeys:east"] = KeyOf("east"),
    });

    private async Task<SiteEdges> StartEdgesAsync(ServerOnKestrel server)
    {
        var edges = new SiteEdges();
        try
        {
            foreach (var site in Sites)
            {
                edges.Add(await SiteEdge.StartAsync(site, server.BaseUrl, KeyOf(site), influx.Server, [$"sensor-{site[0]}1"]));
            }

            return edges;
        }
        catch
        {
            await edges.DisposeAsync();
            throw;
        }
    }

    private static ILocator FreeOf(IPage page, string site) => page.Locator($"a.space-link[data-space-id='{site}'] .space-free");

    private static async Task<SignedIn> NewHostAsync(ServerOnKestrel server, SignedIn admin, string name, string space)
    {
        const string password = "a-long-enough-password";
        using var created = await admin.Client.PostAsJsonAsync("/api/admin/users", new UserRequest($"{name}@occupancy.test", name, password, HostOf: [space]));
        Assert.True(created.IsSuccessStatusCode, $"Creating host {name} answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        return await SignedIn.SignInAsync(server, $"{name}@occupancy.test", password);
    }

    private static async Task<EdgeEvents> EdgeEventsAsync(ServerOnKestrel server, SignedIn user)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseUrl, "/hubs/dashboard"), options => options.Headers["Cookie"] = user.Cookie)
            .Build();
        var events = new EdgeEvents(connection);
        await connection.StartAsync();
        return events;
    }

    private sealed record SpaceSettingsIds(string Id);
}
