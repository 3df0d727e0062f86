using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Occupancy.Server.Models.Utilisation;

namespace Occupancy.Server.Tests.Utilisation;

/// <summary>
/// The utilisation API over a known week in a real influxd. The space is open Mon–Fri 08:00–18:00, so each hour of the
/// day is open 5 × 3,600 s in the week and each desk 5 × 10 h = 180,000 s; the space has 48 desks.
/// </summary>
public sealed class UtilisationApiTests(UtilisationWorld world) : IClassFixture<UtilisationWorld>
{
    private const string Week = $"from={KnownWeek.From}&to={KnownWeek.To}";

    [Fact]
    public async Task DeskHourCell_IsOccupiedSecondsOverOpenSecondsOfThatLocalHour()
    {
        var report = await GetReportAsync();

        // desk-101: 3,600 s on Monday and 1,800 s on Tuesday in the 09:00 hour, out of 18,000 open seconds.
        var desk = report.Desks.Single(d => d.Id == "desk-101");
        var nine = desk.Hours.Single(c => c.Hour == 9);
        Assert.Equal(5_400, nine.OccupiedSeconds);
        Assert.Equal(18_000, nine.OpenSeconds);
        Assert.Equal(0.3, nine.Utilisation!.Value, 9);
        Assert.Equal(0, desk.Hours.Single(c => c.Hour == 10).Utilisation);
        Assert.Equal(Enumerable.Range(8, 10), report.Hours);
        Assert.Equal(0.03, desk.Utilisation!.Value, 9);
    }

    [Fact]
    public async Task WeekdayHourCell_CountsEveryDeskOfTheSpace_AndClosedDaysHaveNoValue()
    {
        var report = await GetReportAsync();

        // Monday 09:00: desk-101 3,600 s + desk-103 300 s over 48 desks × 3,600 s.
        var monday = report.Weekdays.Single(d => d.Day == "monday").Hours.Single(c => c.Hour == 9);
        Assert.Equal(3_900.0 / (48 * 3_600), monday.Utilisation!.Value, 9);
        Assert.All(report.Weekdays.Single(d => d.Day == "saturday").Hours, c => Assert.Null(c.Utilisation));
        Assert.Equal("monday", report.Weekdays[0].Day);
    }

    [Fact]
    public async Task UsageWhileClosed_DoesNotCount_SoThatDeskIsNeverUsed_AndALittleUsedDeskIsRarelyUsed()
    {
        var report = await GetReportAsync();

        Assert.Equal(0, report.Desks.Single(d => d.Id == "desk-102").OccupiedSeconds);
        Assert.Contains("desk-102", report.NeverUsed);
        Assert.DoesNotContain("desk-101", report.NeverUsed);
        Assert.Equal(["desk-101", "desk-103"], report.RarelyUsed.Order());
        Assert.Equal(46, report.NeverUsed.Length);
    }

    [Fact]
    public async Task FloorsZonesAndPeak_AddUpTheSameSeconds()
    {
        var report = await GetReportAsync();

        var ground = report.Floors.Single(f => f.Id == "floor-1");
        Assert.Equal(24, ground.Desks);
        Assert.Equal(5_700, ground.OccupiedSeconds);
        Assert.Equal(5_700.0 / (24 * 180_000), ground.Utilisation!.Value, 9);
        Assert.Equal(0, report.Floors.Single(f => f.Id == "floor-2").OccupiedSeconds);
        Assert.Equal(5_700, report.Zones.Single(z => z.Id == "quiet").OccupiedSeconds);

        // Monday 09:00–09:05 has two desks taken at once; the peak counts whatever the opening hours.
        Assert.Equal(2, report.Peak!.Desks);
        Assert.Equal("2026-11-16T09:00:00+01:00", report.Peak.At);
    }

    [Fact]
    public async Task OneFloor_ReportsOnlyItsDesks()
    {
        var report = await GetReportAsync("&floor=floor-2");

        Assert.Equal(24, report.Desks.Length);
        Assert.All(report.Desks, d => Assert.Equal("floor-2", d.FloorId));
        Assert.Null(report.Peak);
    }

    [Fact]
    public async Task Csv_HoldsTheShownPercentages()
    {
        using var response = await world.Admin.Client.GetAsync($"/api/spaces/hq/utilisation/desk-hours.csv?{Week}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");

        Assert.Equal("desk,label,floor,zone,08:00,09:00,10:00,11:00,12:00,13:00,14:00,15:00,16:00,17:00", lines[0]);
        Assert.Equal("desk-101,101,floor-1,quiet,0.0,30.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0", lines.Single(l => l.StartsWith("desk-101,", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("to=2026-11-22", "from")]
    [InlineData("from=2026-11-16", "to")]
    [InlineData("from=16.11.2026&to=2026-11-22", "from")]
    [InlineData("from=2026-11-22&to=2026-11-16", "to")]
    [InlineData("from=2025-01-01&to=2026-11-16", "to")]
    [InlineData("from=2026-11-16&to=2026-11-22&floor=floor-9", "floor")]
    [InlineData("from=2026-11-16&to=2026-11-22&rarelyBelow=2", "rarelyBelow")]
    public async Task BadRange_IsAProblemNamingTheField(string query, string field)
    {
        using var response = await world.Admin.Client.GetAsync($"/api/spaces/hq/utilisation?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task UnknownCsvView_IsAProblemNamingTheView()
    {
        using var response = await world.Admin.Client.GetAsync($"/api/spaces/hq/utilisation/people.csv?{Week}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("view", out _), problem.ToString());
    }

    private async Task<UtilisationReport> GetReportAsync(string extra = "")
    {
        using var response = await world.Admin.Client.GetAsync($"/api/spaces/hq/utilisation?{Week}{extra}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<UtilisationReport>())!;
    }
}
