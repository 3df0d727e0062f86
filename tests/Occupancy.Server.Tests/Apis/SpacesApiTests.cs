using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Occupancy.Server.Models;

namespace Occupancy.Server.Tests.Apis;

public sealed class SpacesApiTests
{
    [Fact]
    public async Task GetSpaces_ReturnsTheSeededNetworkWithEveryDeskUnknown()
    {
        await using var server = new OccupancyServerFactory();

        var spaces = await server.CreateClient().GetFromJsonAsync<SpaceSummary[]>("/api/spaces");

        var hq = Assert.Single(spaces!);
        Assert.Equal((0, 0, 48, 48), (hq.FreeDesks, hq.OccupiedDesks, hq.UnknownDesks, hq.TotalDesks));
        Assert.Equal(
            [new FloorSummary("floor-1", "Ground floor", 0, 0, 24, 24), new FloorSummary("floor-2", hq.Floors[1].Name, 0, 0, 24, 24)],
            hq.Floors);
    }

    [Fact]
    public async Task GetFloorPlan_WritesCamelCaseJson()
    {
        await using var server = new OccupancyServerFactory();

        using var json = JsonDocument.Parse(await server.CreateClient().GetStringAsync("/api/spaces/hq/floors/floor-1"));

        var desk = json.RootElement.GetProperty("desks")[0];
        Assert.Equal("desk-101", desk.GetProperty("id").GetString());
        Assert.Equal("unknown", desk.GetProperty("state").GetString());
        Assert.Equal(24, json.RootElement.GetProperty("counts").GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/spaces/hq/floors/floor-9", "There is no floor 'floor-9' in space 'hq'.")]
    [InlineData("/api/spaces/nowhere/floors/floor-1", "There is no floor 'floor-1' in space 'nowhere'.")]
    [InlineData("/api/spaces/nowhere", "There is no space 'nowhere'.")]
    public async Task UnknownIds_Return404ProblemDetails(string url, string detail)
    {
        await using var server = new OccupancyServerFactory();

        var response = await server.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(detail, problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Healthz_AnswersOk()
    {
        await using var server = new OccupancyServerFactory();

        var body = await server.CreateClient().GetStringAsync("/healthz");

        Assert.Equal("ok", body);
    }
}
