using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using Occupancy.Edge;
using Occupancy.Edge.Occupancy;
using Occupancy.Firmware.Desk;
using Occupancy.Firmware.Simulator;
using Occupancy.Testing;
using Xunit.Abstractions;

namespace Occupancy.EndToEnd.Tests;

/// <summary>
/// The walking skeleton, every hop real: a simulated desk sensor running the firmware core on a
/// simulated GPIO pin → MQTT → the edge's embedded broker → InfluxDB and SignalR → the server →
/// SignalR → the dashboard of a signed-in member in headless Chromium.
/// </summary>
public sealed class DeskToBrowserTests(InfluxdFixture influx, BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<InfluxdFixture>, IClassFixture<BrowserFixture>
{
    private const string SiteKey = "end-to-end-site-key";
    private const string MemberEmail = "member@occupancy.test";
    private const string MemberPassword = "member-password-for-end-to-end";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>
    /// What issue #6 promises a member: the desk flips within a second of the sensor's report. A user-visible
    /// requirement rather than a benchmark; the pipeline takes tens of milliseconds even on a loaded 2-core machine.
    /// </summary>
    private static readonly LocatorAssertionsToHaveAttributeOptions WithinASecond = new() { Timeout = 1_000 };

    [Fact]
    public async Task PresenceAtADesk_TurnsItOccupiedOnAMembersFloorPlanAndInInfluxDb_AndFreeAgainWhenThePersonLeaves()
    {
        // The demo's member account: a member of hq with a pass, as `./occupancy demo` makes it.
        await using var server = new ServerOnKestrel(SiteKey, new Dictionary<string, string?>
        {
            ["DemoAccounts:MemberEmail"] = MemberEmail,
            ["DemoAccounts:MemberPassword"] = MemberPassword,
        });
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
        await page.GotoAsync(new Uri(server.BaseUrl, "#/sign-in").ToString());
        await page.GetByLabel("Email").FillAsync(MemberEmail);
        await page.GetByLabel("Password").FillAsync(MemberPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await page.GotoAsync(new Uri(server.BaseUrl, "#/spaces/hq/floors/floor-1").ToString());
        var deskOnPlan = page.Locator("[data-desk-id='desk-101']");
        var freeCount = page.GetByTestId("free-count");

        // The sensor announces itself as free on connecting; the other 23 desks have no sensor running.
        await Assertions.Expect(deskOnPlan).ToHaveAttributeAsync("data-state", "free", new() { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(freeCount).ToHaveTextAsync("1 of 24 desks free");
        await RecordChangesOnThePageAsync(page);

        desk.SetPresence(true);
        await Eventually.Until(() => desk.IsOccupied, Patience, "the sensor reports desk-101 occupied");

        await Assertions.Expect(deskOnPlan).ToHaveAttributeAsync("data-state", "occupied", WithinASecond);
        await Assertions.Expect(freeCount).ToHaveTextAsync("0 of 24 desks free", new() { Timeout = WithinASecond.Timeout });

        var rows = await RowsEventuallyAsync("SELECT * FROM desk_state WHERE desk = 'desk-101' AND state = 'occupied'");
        var row = Assert.Single(rows);
        Assert.Equal(("hq", "floor-1", "quiet", 1L), (row["site"].GetString(), row["floor"].GetString(), row["zone"].GetString(), row["occupied"].GetInt64()));
        await ReportDelayAsync(page, "occupied", "0 of 24 desks free", row["time"].GetInt64());

        desk.SetPresence(false);
        await Eventually.Until(() => !desk.IsOccupied, Patience, "the sensor reports desk-101 free");

        await Assertions.Expect(deskOnPlan).ToHaveAttributeAsync("data-state", "free", WithinASecond);
        await Assertions.Expect(freeCount).ToHaveTextAsync("1 of 24 desks free", new() { Timeout = WithinASecond.Timeout });
        var freed = await RowsEventuallyAsync($"SELECT * FROM desk_state WHERE desk = 'desk-101' AND state = 'free' AND time > {row["time"].GetInt64()}ms");
        await ReportDelayAsync(page, "free", "1 of 24 desks free", Assert.Single(freed)["time"].GetInt64());

        await edge.StopAsync();
    }

    /// <summary>Notes in the page when desk-101 and the free count change, by the page's clock (the sensor's too: one machine).</summary>
    private static Task RecordChangesOnThePageAsync(IPage page) => page.EvaluateAsync("""
        () => {
          window.seen = [];
          const desk = document.querySelector("[data-desk-id='desk-101']");
          const count = document.querySelector("[data-testid='free-count']");
          const note = (what) => window.seen.push({ what, at: Date.now() });
          new MutationObserver(() => note(desk.dataset.state)).observe(desk, { attributes: true, attributeFilter: ['data-state'] });
          new MutationObserver(() => note(count.textContent)).observe(count, { childList: true, characterData: true, subtree: true });
        }
        """);

    /// <summary>
    /// Prints how long after the sensor's report (its own timestamp, as InfluxDB holds it) the member saw the desk and
    /// the count change, so a slow hop shows long before it breaks the one-second promise.
    /// </summary>
    private async Task ReportDelayAsync(IPage page, string state, string count, long sensorMs)
    {
        using var seen = System.Text.Json.JsonDocument.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.seen)"));
        long At(string what) => seen.RootElement.EnumerateArray().First(s => s.GetProperty("what").GetString() == what).GetProperty("at").GetInt64();
        output.WriteLine($"sensor report '{state}' → member's floor plan: desk {At(state) - sensorMs} ms, free count '{count}' {At(count) - sensorMs} ms (issue #6: within 1 s)");
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
