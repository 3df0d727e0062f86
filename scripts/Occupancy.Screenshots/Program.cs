using System.Globalization;
using Microsoft.Playwright;
using Occupancy.Testing;

// Usage: Occupancy.Screenshots --url http://127.0.0.1:5080/ --member-email E --member-password P --out docs/screenshots
var url = new Uri(Option("--url"));
var email = Option("--member-email");
var password = Option("--member-password");
var output = Directory.CreateDirectory(Option("--out")).FullName;
var patient = new LocatorAssertionsToHaveCountOptions { Timeout = 120_000 };

using var playwright = await Playwright.CreateAsync();
await using var browser = await ChromiumBrowser.LaunchAsync(playwright);

// A member's live floor plan on a laptop, once the simulated sensors have reported.
var wide = await SignedInPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
await wide.GotoAsync(new Uri(url, "#/spaces/hq/floors/floor-1").ToString());
await Assertions.Expect(wide.Locator(".desk[data-state='occupied']")).Not.ToHaveCountAsync(0, patient);
await Assertions.Expect(wide.Locator(".desk[data-state='free']")).Not.ToHaveCountAsync(0, patient);
await Save(wide, "member-floor-plan.png");

// The member's pass page on a phone: the door code as QR and digits.
var phone = await SignedInPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true });
await phone.GotoAsync(new Uri(url, "#/me").ToString());
await Assertions.Expect(phone.GetByTestId("phone-code")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
await Assertions.Expect(phone.Locator(".pass")).Not.ToHaveCountAsync(0, new() { Timeout = 60_000 });
await Assertions.Expect(phone.Locator(".whos-in-head")).Not.ToHaveCountAsync(0, new() { Timeout = 60_000 });
await Save(phone, "member-pass.png");

async Task<IPage> SignedInPageAsync(BrowserNewContextOptions options)
{
    var page = await (await browser.NewContextAsync(options)).NewPageAsync();
    await page.GotoAsync(new Uri(url, "#/sign-in").ToString());
    await page.GetByLabel("Email").FillAsync(email);
    await page.GetByLabel("Password").FillAsync(password);
    await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
    return page;
}

async Task Save(IPage page, string name)
{
    var path = Path.Combine(output, name);
    await page.ScreenshotAsync(new() { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {path}"));
}

string Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : throw new ArgumentException($"{name} is required.");
}
