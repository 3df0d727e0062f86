using Microsoft.Playwright;
using Occupancy.Testing;
using Xunit.Abstractions;

namespace Occupancy.EndToEnd.Tests;

/// <summary>
/// A member's phone at the door, every part real: the pass page in Chromium shows the rotating code, the front door's
/// reader (the firmware core) scans it, the edge decides, and the reader only opens on the edge's signed answer.
/// </summary>
public sealed class PassCodeAtTheDoorTests(InfluxdFixture influx, BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<InfluxdFixture>, IClassFixture<BrowserFixture>
{
    private const string Email = "ada@occupancy.test";
    private const string Password = "ada-password-for-end-to-end";
    private static readonly float Patience = (float)AccessSite.Patience.TotalMilliseconds;

    [Fact]
    public async Task TheCodeOnAMembersPassPage_OpensTheDoor_AndTheSameCodeShownAgainIsRefusedAsReplayed()
    {
        await using var site = await AccessSite.StartAsync(influx.Server.BaseUri.ToString());
        var credentialId = await site.NewMemberWithPhoneAsync("Ada", Email, Password);
        await site.StartEdgeAsync();
        await site.EdgeReplicaAsync(r => r.Credentials.Any(c => c.CredentialId == credentialId.ToString()), "the edge holds Ada's phone credential");
        await using var reader = await site.StartFrontDoorReaderAsync();

        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        await page.GotoAsync(new Uri(site.Server.BaseUrl, "#/sign-in").ToString());
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync(new() { Timeout = Patience });
        await page.GotoAsync(new Uri(site.Server.BaseUrl, "#/me").ToString());
        var qr = page.GetByRole(AriaRole.Img, new() { Name = "Door code for Phone: hold it to the reader" });
        await Assertions.Expect(qr).ToBeVisibleAsync(new() { Timeout = Patience });

        // Picture and digits from one rendering of the code card: the page replaces the card when the code rotates.
        var shown = await page.GetByTestId("phone-code").EvaluateAsync<string[]>(
            "card => [new XMLSerializer().serializeToString(card.querySelector('svg')), card.querySelector('.code-digits').textContent]");
        string scanned = await ScreenQrCode.DecodeAsync(page, shown[0]);
        output.WriteLine($"the QR code reads '{scanned}'; the digits under it read '{shown[1]}'");
        Assert.Equal($"{credentialId}.{shown[1].Replace(" ", "", StringComparison.Ordinal)}", scanned);

        reader.TapCode(scanned);

        await Eventually.Until(() => reader.Reader.Granted == 1, AccessSite.Patience, "the reader verifies the edge's signed unlock for Ada's code");
        Assert.Equal(0, reader.Reader.Denied);

        reader.TapCode(scanned);

        await Eventually.Until(() => reader.Reader.Denied == 1, AccessSite.Patience, "the same code shown again is refused");
        Assert.Equal(1, reader.Reader.Granted);
        await Eventually.Until(
            async () => (await site.AccessLogAsync()).Length == 2,
            AccessSite.Patience,
            "both decisions reach the server's access log");
        // The edge names no member for a code it refuses as replayed.
        var log = await site.AccessLogAsync();
        Assert.Equal(
            [("front", false, "replayed-code", null), ("front", true, "granted", "Ada")],
            log.Select(e => (
                e.GetProperty("doorId").GetString(),
                e.GetProperty("granted").GetBoolean(),
                e.GetProperty("reason").GetString(),
                e.GetProperty("memberName").GetString())));
    }
}
