using System.Net;
using Occupancy.Server.Hubs;

namespace Occupancy.Server.Tests.Dashboard;

public sealed class DashboardBuildTests
{
    [Fact]
    public async Task Root_ServesIndexHtmlThatLoadsTheBundledApp()
    {
        await using var server = new OccupancyServerFactory();
        var client = server.CreateClient();

        var page = await client.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();
        var script = await client.GetAsync("/app.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script src=\"app.js\"", html);
        Assert.Contains("data-testid=\"free-count\"", html);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains(nameof(IDashboardClient.DeskStatesChanged), await script.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/styles.css")).StatusCode);
    }

    [Fact]
    public void HubTs_NamesTheSameMethodsEventsAndPathAsTheServer()
    {
        var hubTs = File.ReadAllText(RepoPaths.DashboardSource("hub.ts"));

        string[] names =
        [
            nameof(DashboardHub.WatchNetwork),
            nameof(DashboardHub.WatchFloor),
            nameof(IDashboardClient.DeskStatesChanged),
            nameof(IDashboardClient.SpaceCountsChanged),
            nameof(IDashboardClient.EdgeStatusChanged),
            nameof(IDashboardClient.AccessLogged),
            nameof(IDashboardClient.AccessStatusChanged),
            DashboardHub.Path.TrimStart('/'),
        ];
        Assert.All(names, name => Assert.Contains($"\"{name}\"", hubTs));
    }
}
