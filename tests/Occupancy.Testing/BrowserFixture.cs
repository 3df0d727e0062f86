using Microsoft.Playwright;
using Xunit;

namespace Occupancy.Testing;

/// <summary>One headless Chromium shared by the tests of a class or collection; each test takes its own page.</summary>
public class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started yet.");

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await ChromiumBrowser.LaunchAsync(_playwright);
    }

    /// <summary>A page in a fresh context, so cookies and storage never leak between tests.</summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
