using Microsoft.Playwright;
using Occupancy.Testing;

namespace Occupancy.EndToEnd.Tests;

/// <summary>
/// The host's side in Chromium: a pass revoked on the dashboard stops opening the door, and the refused tap shows in
/// the door log that the host is watching, live.
/// </summary>
public sealed class RevokeInTheBrowserTests(InfluxdFixture influx, BrowserFixture browser)
    : IClassFixture<InfluxdFixture>, IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveCountOptions Wait = new() { Timeout = (float)AccessSite.Patience.TotalMilliseconds };

    [Fact]
    public async Task AHostRevokingAPassOnTheDashboard_MakesTheNextTapFail_AndSeesItInTheLiveDoorLog()
    {
        await using var site = await AccessSite.StartAsync(influx.Server.BaseUri.ToString());
        var (_, passId) = await site.NewMemberWithCardAsync("Ada", "04A1B2C3");
        await site.StartEdgeAsync();
        await site.EdgeReplicaAsync(r => r.Passes.Any(p => p.PassId == passId.ToString()), "the edge holds Ada's pass");
        await using var reader = await site.StartFrontDoorReaderAsync();

        var doorLog = await SignedInPageAsync(site, "#/admin/spaces/hq/access");
        var rows = doorLog.GetByTestId("door-log").Locator("tbody tr");
        await Assertions.Expect(doorLog.GetByTestId("lockdown-state")).ToHaveAttributeAsync("data-lockdown", "false");
        reader.Tap("04A1B2C3");
        await Assertions.Expect(rows).ToHaveCountAsync(1, Wait);
        await Assertions.Expect(rows.First).ToContainTextAsync("granted");

        var passes = await SignedInPageAsync(site, "#/admin/passes");
        passes.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await passes.GetByRole(AriaRole.Button, new() { Name = "Revoke: pass Flex Ada" }).ClickAsync();
        await Assertions.Expect(passes.Locator("tr[data-name='Flex Ada']")).ToContainTextAsync("revoked", new() { Timeout = (float)AccessSite.Patience.TotalMilliseconds });
        await site.EdgeReplicaAsync(r => r.Passes.Single(p => p.PassId == passId.ToString()).Revoked, "the revocation reaches the edge");

        reader.Tap("04A1B2C3");

        await Eventually.Until(() => reader.Reader.Denied == 1, AccessSite.Patience, "the next tap is denied at the door");
        await Assertions.Expect(rows).ToHaveCountAsync(2, Wait);
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-outcome", "denied");
        await Assertions.Expect(rows.First).ToContainTextAsync("denied: revoked");
        await Assertions.Expect(rows.First).ToContainTextAsync("Ada");
    }

    private async Task<IPage> SignedInPageAsync(AccessSite site, string hash)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(site.Server.BaseUrl, "#/sign-in").ToString());
        await page.GetByLabel("Email").FillAsync(ServerOnKestrel.AdminEmail);
        await page.GetByLabel("Password").FillAsync(ServerOnKestrel.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" })).ToBeVisibleAsync(new() { Timeout = (float)AccessSite.Patience.TotalMilliseconds });
        await page.GotoAsync(new Uri(site.Server.BaseUrl, hash).ToString());
        return page;
    }
}
