using System.Globalization;
using Microsoft.Playwright;
using Occupancy.Testing;

// Usage: Occupancy.Screenshots --url http://127.0.0.1:5080/ --member-email E --member-password P
//        --host-email E --host-password P --out docs/screenshots
var url = new Uri(Option("--url"));
var (memberEmail, memberPassword) = (Option("--member-email"), Option("--member-password"));
var (hostEmail, hostPassword) = (Option("--host-email"), Option("--host-password"));
var output = Directory.CreateDirectory(Option("--out")).FullName;
var patient = new LocatorAssertionsToHaveCountOptions { Timeout = 120_000 };

using var playwright = await Playwright.CreateAsync();
await using var browser = await ChromiumBrowser.LaunchAsync(playwright);

// A member's live floor plan on a laptop, once the simulated sensors have reported.
var wide = await SignedInPageAsync(memberEmail, memberPassword, new() { ViewportSize = new() { Width = 1280, Height = 900 } });
await wide.GotoAsync(new Uri(url, "#/spaces/hq/floors/floor-1").ToString());
await Assertions.Expect(wide.Locator(".desk[data-state='occupied']")).Not.ToHaveCountAsync(0, patient);
await Assertions.Expect(wide.Locator(".desk[data-state='free']")).Not.ToHaveCountAsync(0, patient);
await Save(wide, "member-floor-plan.png");

// The member's pass page on a phone: the door code as QR and digits.
var phone = await SignedInPageAsync(memberEmail, memberPassword, new() { ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true });
await phone.GotoAsync(new Uri(url, "#/me").ToString());
await Assertions.Expect(phone.GetByTestId("phone-code")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
await Assertions.Expect(phone.Locator(".pass")).Not.ToHaveCountAsync(0, new() { Timeout = 60_000 });
await Assertions.Expect(phone.Locator(".whos-in-head")).Not.ToHaveCountAsync(0, new() { Timeout = 60_000 });
await Save(phone, "member-pass.png");

// The host's heatmaps over the two weeks of history the demo seeds on its first start (whole days up to today's
// local midnight at the space), counted within the space's opening hours.
var host = await SignedInPageAsync(hostEmail, hostPassword, new() { ViewportSize = new() { Width = 1280, Height = 900 } });
var timeZone = TimeZoneInfo.FindSystemTimeZoneById(await host.EvaluateAsync<string>("fetch('api/spaces/hq').then(r => r.json()).then(s => s.timeZone)"));
var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, timeZone).DateTime);
// The ground floor's 24 desks keep the desk × hour map short enough for the README.
var heatmaps = new Uri(url, $"#/admin/spaces/hq/utilisation/{Day(today.AddDays(-14))}/{Day(today.AddDays(-1))}/floor-1");
// Right after the demo's first start the server's daily roll-up may not have caught up with the seeded history yet.
var peak = host.Locator(".usage-card").Filter(new() { HasText = "Peak occupancy" }).Locator(".usage-value");
for (var waiting = System.Diagnostics.Stopwatch.StartNew(); ; await host.WaitForTimeoutAsync(15_000))
{
    await host.GotoAsync("about:blank");
    await host.GotoAsync(heatmaps.ToString());
    await Assertions.Expect(host.Locator("section[aria-labelledby='usage-weekday-hours'] svg")).ToHaveCountAsync(1, patient);
    if (await peak.TextContentAsync() != "no use recorded")
    {
        break;
    }

    if (waiting.Elapsed > TimeSpan.FromMinutes(15))
    {
        throw new TimeoutException("The host's heatmaps showed no use of the seeded history for 15 minutes.");
    }
}

// From the page's title to the end of the weekday × hour map.
var weekdays = await host.Locator("section[aria-labelledby='usage-weekday-hours']").BoundingBoxAsync()
    ?? throw new InvalidOperationException("The weekday heatmap is not on the page.");
await Save(host, "host-heatmap.png", new Clip { X = 0, Y = 0, Width = 1280, Height = weekdays.Y + weekdays.Height + 24 });

static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

async Task<IPage> SignedInPageAsync(string email, string password, BrowserNewContextOptions options)
{
    var page = await (await browser.NewContextAsync(options)).NewPageAsync();
    await page.GotoAsync(new Uri(url, "#/sign-in").ToString());
    await page.GetByLabel("Email").FillAsync(email);
    await page.GetByLabel("Password").FillAsync(password);
    await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
    return page;
}

async Task Save(IPage page, string name, Clip? clip = null)
{
    var path = Path.Combine(output, name);
    await page.ScreenshotAsync(new() { Path = path, FullPage = true, Clip = clip, Animations = ScreenshotAnimations.Disabled });
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {path}"));
}

string Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : throw new ArgumentException($"{name} is required.");
}
