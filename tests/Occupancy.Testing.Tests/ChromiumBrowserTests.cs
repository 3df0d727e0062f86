namespace Occupancy.Testing.Tests;

public sealed class ChromiumBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ChromiumBrowser_RendersADataPageAndReadsAnElementsText()
    {
        var page = await browser.NewPageAsync();
        var html = "<h1 id='title'>Free desks</h1><p id='count'></p>"
            + "<script>document.getElementById('count').textContent = String(6 * 7);</script>";

        await page.GotoAsync("data:text/html," + Uri.EscapeDataString(html));

        Assert.Equal("Free desks", await page.InnerTextAsync("#title"));
        Assert.Equal("42", await page.InnerTextAsync("#count"));
    }
}
