using Microsoft.Playwright;

namespace Occupancy.Testing;

/// <summary>Launches Debian's Chromium through Playwright: no browser download, ever.</summary>
public static class ChromiumBrowser
{
    // Without the background-networking flags Chromium keeps calling home and floods a closed network.
    private static readonly string[] Arguments =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = RequiredCommand.Locate("chromium", "chromium"),
            Headless = true,
            Args = Arguments,
        });
}
