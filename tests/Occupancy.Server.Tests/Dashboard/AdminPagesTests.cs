using System.Text.Json;
using Microsoft.Playwright;
using Occupancy.Testing;

namespace Occupancy.Server.Tests.Dashboard;

/// <summary>The sign-in page and the admin area in headless Chromium, against the real server on Kestrel.</summary>
public sealed class AdminPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Patient = new() { Timeout = 15_000 };

    [Fact]
    public async Task Admin_SignsIn_DragsADeskOnThePlan_AndTheServerKeepsTheNewPosition()
    {
        await using var server = new DashboardOnKestrel();
        var page = await SignInAsync(server, OccupancyServerFactory.AdminEmail, OccupancyServerFactory.AdminPassword);

        await page.GetByRole(AriaRole.Button, new() { Name = "Open: space Harbour Street" }).ClickAsync();
        var desk = page.Locator(".plan-editor [data-desk-id='desk-101']");
        await Assertions.Expect(desk).ToHaveAttributeAsync("aria-label", "Desk 101 at 60, 60", Patient);
        var box = (await desk.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width / 2 + 120, box.Y + box.Height / 2 + 40, new() { Steps = 5 });
        await page.Mouse.UpAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Desk 101 moved to" })).ToBeVisibleAsync();
        var saved = await page.EvaluateAsync<JsonElement>("fetch('api/admin/spaces/hq/desks/desk-101').then(r => r.json())");
        Assert.True(saved.GetProperty("x").GetDouble() > 60, $"x is {saved.GetProperty("x")}");
        Assert.True(saved.GetProperty("y").GetDouble() > 60, $"y is {saved.GetProperty("y")}");
    }

    [Fact]
    public async Task Admin_ProvisionsADevice_AndSeesItsSecretOnlyInTheAnswer()
    {
        await using var server = new DashboardOnKestrel();
        var page = await SignInAsync(server, OccupancyServerFactory.AdminEmail, OccupancyServerFactory.AdminPassword);
        await page.GotoAsync(new Uri(server.BaseUrl, "#/admin/spaces/hq").ToString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Add device" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "New device" });
        await form.GetByLabel("Device id").FillAsync("sensor-777");
        await form.GetByLabel("Kind").SelectOptionAsync("desk");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var secret = await page.GetByTestId("device-secret").TextContentAsync(new() { Timeout = 15_000 });
        Assert.Matches("^[A-Za-z0-9_-]{43}$", secret);
        var listed = await page.EvaluateAsync<string>("fetch('api/admin/spaces/hq/devices').then(r => r.text())");
        Assert.Contains("sensor-777", listed);
        Assert.DoesNotContain(secret!, listed);
    }

    [Fact]
    public async Task Admin_PairsTheFrontDoorWithTheTerraceInTheDoorForm_AndBothDoorsShowThePair()
    {
        await using var server = new DashboardOnKestrel();
        var page = await SignInAsync(server, OccupancyServerFactory.AdminEmail, OccupancyServerFactory.AdminPassword);
        await page.GotoAsync(new Uri(server.BaseUrl, "#/admin/spaces/hq").ToString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit door Front door" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Edit door" });
        await form.GetByLabel("Anti-passback pair").SelectOptionAsync("terrace");
        await form.GetByLabel("Direction of this door").SelectOptionAsync("in");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.Locator("tr[data-name='Terrace door']")).ToContainTextAsync("Out, paired with Front door", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("tr[data-name='Front door']")).ToContainTextAsync("In, paired with Terrace door");
        var terrace = await page.EvaluateAsync<JsonElement>("fetch('api/admin/spaces/hq/doors/terrace').then(r => r.json())");
        Assert.Equal(("front", "out"), (terrace.GetProperty("pairedDoorId").GetString(), terrace.GetProperty("direction").GetString()));
    }

    [Fact]
    public async Task WrongPassword_IsSaidOnTheSignInPage()
    {
        await using var server = new DashboardOnKestrel();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.BaseUrl, "#/sign-in").ToString());

        await page.GetByLabel("Email").FillAsync(OccupancyServerFactory.AdminEmail);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong email or password.");
    }

    [Fact]
    public async Task AnonymousVisitor_OfTheAdminArea_IsSentToSignIn_WhileTheLivePlanNeedsNoAccount()
    {
        await using var server = new DashboardOnKestrel();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(server.BaseUrl, "#/admin").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.GotoAsync(new Uri(server.BaseUrl, "#/spaces/hq/floors/floor-1").ToString());

        await Assertions.Expect(page.GetByTestId("free-count")).ToHaveTextAsync("0 of 24 desks free");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    private async Task<IPage> SignInAsync(DashboardOnKestrel server, string email, string password)
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync(new Uri(server.BaseUrl, "#/sign-in").ToString());
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        return page;
    }
}
