using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Occupancy.Server.Models;
using Occupancy.Server.Tests.Utilisation;
using Occupancy.Testing;

namespace Occupancy.Server.Tests.Dashboard;

/// <summary>
/// A host reads the heatmaps of a known week (<see cref="KnownWeek"/>, seeded into a real influxd) in headless
/// Chromium: named cells show the exact values worked out by hand.
/// </summary>
public sealed class UtilisationPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string HostEmail = DashboardOnKestrel.HostEmail;
    private const string HostPassword = DashboardOnKestrel.DemoPassword;
    private static readonly LocatorAssertionsToBeVisibleOptions Patient = new() { Timeout = 15_000 };

    [Fact]
    public async Task Host_SeesTheKnownWeeksExactValues_InNamedHeatmapCells_AndOnThePlan()
    {
        await using var influxd = await InfluxdServer.StartAsync();
        await KnownWeek.SeedAsync(influxd);
        await using var server = new DashboardOnKestrel(settings: KnownWeek.Settings(influxd));
        await PrepareHostAsync(server);

        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await SignInAsHostAsync(page, server);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToBeVisibleAsync(Patient);
        await page.GotoAsync(new Uri(server.BaseUrl, $"#/admin/spaces/hq/utilisation/{KnownWeek.From}/{KnownWeek.To}").ToString());

        // The page's stylesheet applies: the summary figures are laid out as cards, not as a bare list.
        await Assertions.Expect(page.Locator(".usage-summary")).ToHaveCSSAsync("display", "grid", new() { Timeout = 15_000 });

        // desk-101: 1 h 30 min of 5 open hours at 09:00; Monday 09:00: 3,900 s over 48 desks × 3,600 s = 2.257 %.
        var deskCell = Cell(page, "Desk 101, 09:00: 30.0%");
        await Assertions.Expect(deskCell).ToBeVisibleAsync(Patient);
        await Assertions.Expect(deskCell.Locator("title")).ToHaveTextAsync("Desk 101, 09:00–10:00: 30.0% (1 h 30 min in use of 5 h open)");
        await Assertions.Expect(Cell(page, "Desk 101, 10:00: 0.0%")).ToBeVisibleAsync();
        await Assertions.Expect(Cell(page, "Monday, 09:00: 2.3%")).ToBeVisibleAsync();
        await Assertions.Expect(Cell(page, "Saturday, 09:00: closed")).ToBeVisibleAsync();
        await Assertions.Expect(Cell(page, "Desk 101: 3.0%")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Busiest desks" }).GetByRole(AriaRole.Listitem).First).ToContainTextAsync("Desk 101");

        var csv = await page.EvaluateAsync<string>(
            "fetch(document.querySelector('a[href*=\"desk-hours.csv\"]').href).then(r => r.text())");
        Assert.Contains("desk-101,101,floor-1,quiet,0.0,30.0,0.0", csv);
    }

    [Fact]
    public async Task BadRange_IsExplainedOnThePage_NamingTheField_AndStaysWhenAnEarlierPageFinishesLoadingAfterIt()
    {
        await using var influxd = await InfluxdServer.StartAsync();
        await influxd.CreateDatabaseAsync(KnownWeek.Database);
        await using var server = new DashboardOnKestrel(settings: KnownWeek.Settings(influxd));
        await PrepareHostAsync(server);

        var page = await browser.NewPageAsync();
        await SignInAsHostAsync(page, server);
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Spaces" })).ToBeVisibleAsync(Patient);

        // The list of spaces (the admin area's landing page) answers slowly, as on a busy server: the host has
        // already opened a heatmap by the time it arrives.
        await page.RouteAsync("**/api/admin/spaces", async route =>
        {
            await Task.Delay(1500);
            await route.ContinueAsync();
        });
        var spacesAnswered = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/admin/spaces", StringComparison.Ordinal));
        await page.GotoAsync(new Uri(server.BaseUrl, "#/admin/spaces").ToString());
        await page.GotoAsync(new Uri(server.BaseUrl, "#/admin/spaces/hq/utilisation/2026-11-22/2026-11-16").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("to: Must not be before from.", new() { Timeout = 15_000 });

        await spacesAnswered;
        await page.EvaluateAsync("() => new Promise(done => setTimeout(done, 300))"); // the late page's rendering, had it been kept
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("to: Must not be before from.");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Spaces" })).Not.ToBeVisibleAsync();
    }

    private static async Task SignInAsHostAsync(IPage page, DashboardOnKestrel server)
    {
        await page.GotoAsync(new Uri(server.BaseUrl, "#/sign-in").ToString());
        await page.GetByLabel("Email").FillAsync(HostEmail);
        await page.GetByLabel("Password").FillAsync(HostPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private static ILocator Cell(IPage page, string name) => page.GetByRole(AriaRole.Img, new() { Name = name, Exact = true });

    /// <summary>Opening hours Mon–Fri 08:00–18:00, set by the admin through the API; the demo's host of "hq" reads them.</summary>
    private static async Task PrepareHostAsync(DashboardOnKestrel server)
    {
        using var admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = server.BaseUrl };
        using (var signIn = await admin.PostAsJsonAsync("/api/account/sign-in", new SignInRequest(OccupancyServerFactory.AdminEmail, OccupancyServerFactory.AdminPassword)))
        {
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        }

        await KnownWeek.SetOpeningHoursAsync(admin);
    }
}
