using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Occupancy.Server.Data;
using Occupancy.Testing;
using Occupancy.Uplink;

namespace Occupancy.Server.Tests.Dashboard;

/// <summary>The member's pages in headless Chromium against the real server on Kestrel, with the demo's accounts.</summary>
public sealed class MemberPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Patient = new() { Timeout = 15_000 };

    [Fact]
    public async Task ThePassPage_ShowsTheDoorCodeAsQrAndDigits_AndANewCodeEvery30Seconds()
    {
        // Server and page clocks both stand still mid-step and move only when the test says.
        var start = DateTimeOffset.FromUnixTimeSeconds(1_800_000_010);
        var clock = new FakeTimeProvider(start);
        await using var server = new DashboardOnKestrel(clock);
        var page = await browser.NewPageAsync();
        await page.Clock.InstallAsync(new() { TimeDate = start.UtcDateTime });
        await SignInAsync(page, server, DashboardOnKestrel.MemberEmail);
        var (credentialId, secret) = await PhoneCredentialOfDemoMemberAsync(server);

        await page.GotoAsync(new Uri(server.BaseUrl, "#/me").ToString());
        var code = page.GetByTestId("phone-code");
        var first = PhoneCodes.Presented(credentialId, secret, start.ToUnixTimeMilliseconds());
        await Assertions.Expect(code).ToHaveAttributeAsync("data-presented", first, Patient);
        var digits = first[(first.LastIndexOf('.') + 1)..];
        await Assertions.Expect(page.GetByTestId("code-digits")).ToHaveTextAsync($"{digits[..4]} {digits[4..]}");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Door code for Phone: hold it to the reader" })).ToBeVisibleAsync();

        clock.Advance(TimeSpan.FromSeconds(PhoneCodes.StepSeconds));
        await page.Clock.RunForAsync(PhoneCodes.StepSeconds * 1000);

        var second = PhoneCodes.Presented(credentialId, secret, start.AddSeconds(PhoneCodes.StepSeconds).ToUnixTimeMilliseconds());
        Assert.NotEqual(first, second);
        await Assertions.Expect(code).ToHaveAttributeAsync("data-presented", second, Patient);
    }

    [Fact]
    public async Task AMember_CannotOpenHostPages_NorCallHostOrAdminEndpoints()
    {
        await using var server = new DashboardOnKestrel();
        var page = await browser.NewPageAsync();
        await SignInAsync(page, server, DashboardOnKestrel.MemberEmail);

        await page.GotoAsync(new Uri(server.BaseUrl, "#/admin/spaces/hq").ToString());

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The admin area is for hosts and admins.");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToHaveCountAsync(0);
        var statuses = await page.EvaluateAsync<int[]>("""
            Promise.all(['api/admin/spaces/hq', 'api/admin/members', 'api/admin/passes', 'api/admin/users', 'api/admin/spaces/hq/devices']
              .map(url => fetch(url).then(r => r.status)))
            """);
        Assert.Equal([403, 403, 403, 403, 403], statuses);
    }

    [Fact]
    public async Task WhosIn_ShowsOnlyOptedInMembersOfTheSameSpaceWhoAreInToday()
    {
        await using var server = new DashboardOnKestrel();
        var admin = await browser.NewPageAsync();
        await SignInAsync(admin, server, OccupancyServerFactory.AdminEmail, OccupancyServerFactory.AdminPassword);
        await FetchAsync(admin, "POST", "api/admin/spaces", """{"id":"pier","name":"Pier","timeZone":"Europe/Lisbon"}""");
        foreach (var (name, home) in new[] { ("Ada", "hq"), ("Grace", "hq"), ("Katherine", "pier") })
        {
            await FetchAsync(admin, "POST", "api/admin/members",
                $$"""{"name":"{{name}}","email":"{{name.ToLowerInvariant()}}@occupancy.test","homeSpaceId":"{{home}}","password":"{{DashboardOnKestrel.DemoPassword}}"}""");
        }

        // Ada and Katherine opt in; Grace does not. All three say they are in, Katherine at her own space.
        foreach (var (name, show, space) in new[] { ("ada", true, "hq"), ("grace", false, "hq"), ("katherine", true, "pier") })
        {
            var member = await browser.NewPageAsync();
            await SignInAsync(member, server, $"{name}@occupancy.test");
            await FetchAsync(member, "PUT", "api/me", $$"""{"showInWhosIn":{{(show ? "true" : "false")}},"headline":"Works on {{name}}'s project"}""");
            await FetchAsync(member, "PUT", $"api/spaces/{space}/check-in", null);
        }

        var viewer = await browser.NewPageAsync();
        await SignInAsync(viewer, server, DashboardOnKestrel.MemberEmail);
        await viewer.GotoAsync(new Uri(server.BaseUrl, "#/me").ToString());

        var list = viewer.GetByRole(AriaRole.List, new() { Name = "Who's in at Harbour Street" });
        await Assertions.Expect(list.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["AdaWorks on ada's project"]);
        await viewer.GetByRole(AriaRole.Button, new() { Name = "I'm here today" }).ClickAsync();
        await Assertions.Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "I'm not here after all" })).ToBeVisibleAsync();
        await Assertions.Expect(viewer.GetByRole(AriaRole.Checkbox, new() { Name = "Show me to other members of a space on days I'm in" })).Not.ToBeCheckedAsync();
    }

    private static async Task SignInAsync(IPage page, DashboardOnKestrel server, string email, string password = DashboardOnKestrel.DemoPassword)
    {
        await page.GotoAsync(new Uri(server.BaseUrl, "#/sign-in").ToString());
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
    }

    private static async Task FetchAsync(IPage page, string method, string url, string? body)
    {
        var status = await page.EvaluateAsync<int>(
            "([method, url, body]) => fetch(url, { method, headers: { 'Content-Type': 'application/json' }, body: body ?? undefined }).then(r => r.status)",
            new object?[] { method, url, body });
        Assert.True(status is >= 200 and < 300, $"{method} {url} answered {status}");
    }

    private static async Task<(string CredentialId, byte[] Secret)> PhoneCredentialOfDemoMemberAsync(DashboardOnKestrel server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OccupancyDbContext>();
        var member = await db.Members.SingleAsync(m => m.Email == DashboardOnKestrel.MemberEmail);
        var phone = await db.Credentials.SingleAsync(c => c.MemberId == member.Id && c.Kind == CredentialKinds.PhoneCode);
        return (phone.Id.ToString(), Convert.FromBase64String(phone.PhoneSecret!));
    }
}
