using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using Occupancy.Edge;
using Occupancy.Edge.Occupancy;
using Occupancy.Firmware.Desk;
using Occupancy.Firmware.Simulator;
using Occupancy.Testing;

namespace Occupancy.EndToEnd.Tests;

/// <summary>
/// The walking skeleton, every hop real: a simulated desk sensor running the firmware core on a
/// simulated GPIO pin → MQTT → the edge's embedded broker → InfluxDB and SignalR → the server →
/// SignalR → the dashboard in headless Chromium.
/// </summary>
public sealed class DeskToBrowserTests(InfluxdFixture influx, BrowserFixture browser)
    : IClassFixture<InfluxdFixture>, IClassFixture<BrowserFixture>
{
    private const string SiteKey = "end-to-end-site-key";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task PresenceAtADesk_TurnsItOccupiedInTheBrowserAndInInfluxDb_AndFreeAgainWhenThePersonLeaves()
    {
        await using var server = new ServerOnKestrel(SiteKey);
        string edgeData = Directory.CreateTempSubdirectory("occupancy-e2e-edge-").FullName;
        int mqttPort = FreeTcpPort.Next();
        string deviceSecret = new Occupancy.Edge.Devices.DeviceRegistry(edgeData).Provision("sensor-101");
        using var edge = EdgeApplication.Build([], new Dictionary<string, string?>
        {
            ["Edge:SiteId"] = "hq",
            ["Edge:DataDirectory"] = edgeData,
            ["Mqtt:Port"] = mqttPort.ToString(),
            ["Influx:Url"] = influx.Server.BaseUri.ToString(),
            ["Influx:Database"] = "end_to_end",
            ["Influx:FlushInterval"] = "00:00:00.100",
            ["Uplink:ServerUrl"] = server.BaseUrl.ToString(),
            ["Uplink:SiteKey"] = SiteKey,
        });
        await edge.StartAsync();
        var site = edge.Services.GetRequiredService<SiteDirectory>();
        await Eventually.Until(() => site.IsLoaded, Patience, "the edge has fetched its site configuration from the server");

        await using var desk = await SimulatedDeskDevice.StartAsync(
            new DeviceSettings("127.0.0.1", mqttPort, "hq", "sensor-101", deviceSecret),
            new DeskSensorOptions { OccupiedAfterMs = 300, FreeAfterMs = 600, PresenceGapMs = 200 },
            loggerFactory: null);

        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.BaseUrl, "#/spaces/hq/floors/floor-1").ToString());
        var deskOnPlan = page.Locator("[data-desk-id='desk-101']");
        var freeCount = page.GetByTestId("free-count");

        // The sensor announces itself as free on connecting; the other 23 desks have no sensor running.
        await Assertions.Expect(deskOnPlan).ToHaveAttributeAsync("data-state", "free", new() { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(freeCount).ToHaveTextAsync("1 of 24 desks free");

        desk.SetPresence(true);

        await Assertions.Expect(deskOnPlan).ToHaveAttributeAsync("data-state", "occupied", new() { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(freeCount).ToHaveTextAsync("0 of 24 desks free");

        var rows = await RowsEventuallyAsync("SELECT * FROM desk_state WHERE desk = 'desk-101' AND state = 'occupied'");
        var row = Assert.Single(rows);
        Assert.Equal(("hq", "floor-1", "quiet", 1L), (row["site"].GetString(), row["floor"].GetString(), row["zone"].GetString(), row["occupied"].GetInt64()));

        desk.SetPresence(false);

        await Assertions.Expect(deskOnPlan).ToHaveAttributeAsync("data-state", "free", new() { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(freeCount).ToHaveTextAsync("1 of 24 desks free");

        await edge.StopAsync();
    }

    private async Task<IReadOnlyList<IReadOnlyDictionary<string, System.Text.Json.JsonElement>>> RowsEventuallyAsync(string query)
    {
        IReadOnlyList<IReadOnlyDictionary<string, System.Text.Json.JsonElement>> rows = [];
        await Eventually.Until(
            async () => (rows = await influx.Server.QueryRowsAsync("end_to_end", query, "ms")).Count > 0,
            Patience,
            $"InfluxDB answers '{query}'");
        return rows;
    }
}
