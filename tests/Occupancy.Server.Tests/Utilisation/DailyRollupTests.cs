using System.Net;
using System.Net.Http.Json;
using Occupancy.Server.Models.Utilisation;

namespace Occupancy.Server.Tests.Utilisation;

/// <summary>
/// The daily roll-up behind long heatmaps (desk_usage_day, space_usage_day) against a real influxd: days in Berlin of
/// 23 and 25 hours, opening hours changed afterwards, today read live, and opening times inside an hour (late rows:
/// <see cref="LateUsageRollupTests"/>). The server's clock stands at Friday 2026-11-27 13:00 Berlin time.
/// </summary>
public sealed class DailyRollupTests(RollupWorld world) : IClassFixture<RollupWorld>
{
    [Fact]
    public async Task AutumnDaylightSavingDay_CountsBothRepeatedHoursInLocalHourTwo_AndIsStoredAtLocalMidnight()
    {
        await world.SetOpeningHoursAsync();
        // 2026-10-25 02:00–03:00 happens twice in Berlin: 00:00–01:00 UTC (summer time) and 01:00–02:00 UTC (winter time).
        await world.OccupyAsync("desk-101", new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.Zero), minutes: 120);

        var report = await GetReportAsync("2026-10-25", "2026-10-25");

        var desk = report.Desks.Single(d => d.Id == "desk-101");
        var two = desk.Hours.Single(c => c.Hour == 2);
        Assert.Equal(7_200, two.OccupiedSeconds);
        Assert.Equal(7_200, two.OpenSeconds);
        Assert.Equal(25 * 3_600, desk.OpenSeconds);
        var stored = await world.QueryAsync("SELECT \"desks\" FROM \"desk_usage_day\" WHERE \"floor\" = 'floor-1' AND time >= '2026-10-24T00:00:00Z' AND time < '2026-10-26T00:00:00Z'");
        var row = Assert.Single(stored);
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), row[0].GetInt64());
        Assert.Equal("desk-101 0 0 7200 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", row[1].GetString());
    }

    [Fact]
    public async Task SpringDaylightSavingDay_Has23Hours_AndItsHourThreeStartsAtOneUtc()
    {
        await world.SetOpeningHoursAsync();
        await world.OccupyAsync("desk-102", new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), minutes: 60);

        var report = await GetReportAsync("2026-03-29", "2026-03-29");

        Assert.DoesNotContain(2, report.Hours);
        var desk = report.Desks.Single(d => d.Id == "desk-102");
        Assert.Equal(3_600, desk.Hours.Single(c => c.Hour == 3).OccupiedSeconds);
        Assert.Equal(23 * 3_600, desk.OpenSeconds);
        Assert.Equal(1.0 / 23, desk.Utilisation!.Value, 9);
    }

    [Fact]
    public async Task OpeningHoursChangedAfterTheRollUp_CountForTheDaysAlreadyRolledUp()
    {
        // Saturday 2026-11-14, 10:00–11:00 Berlin.
        await world.OccupyAsync("desk-104", new DateTimeOffset(2026, 11, 14, 9, 0, 0, TimeSpan.Zero), minutes: 60);
        await world.SetOpeningHoursAsync(("friday", "08:00", "18:00"));
        var closed = await GetReportAsync("2026-11-14", "2026-11-14");
        Assert.Empty(closed.Hours);
        Assert.Equal(0, closed.Desks.Single(d => d.Id == "desk-104").OccupiedSeconds);

        await world.SetOpeningHoursAsync(("saturday", "09:00", "17:00"));
        var open = await GetReportAsync("2026-11-14", "2026-11-14");

        var desk = open.Desks.Single(d => d.Id == "desk-104");
        Assert.Equal(3_600, desk.Hours.Single(c => c.Hour == 10).OccupiedSeconds);
        Assert.Equal(3_600.0 / (8 * 3_600), desk.Utilisation!.Value, 9);
    }

    [Fact]
    public async Task TodaysHours_AreReadLive_AndTodayIsNotStored()
    {
        await world.SetOpeningHoursAsync();
        // Today 10:00–11:00 Berlin, before the server's now (13:00).
        await world.OccupyAsync("desk-105", new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), minutes: 60);

        var report = await GetReportAsync("2026-11-27", "2026-11-27");

        Assert.Equal(3_600, report.Desks.Single(d => d.Id == "desk-105").Hours.Single(c => c.Hour == 10).OccupiedSeconds);
        Assert.Equal(1, report.Peak!.Desks);
        Assert.Empty(await world.QueryAsync("SELECT * FROM \"space_usage_day\" WHERE time >= '2026-11-26T23:00:00Z'"));
        Assert.Empty(await world.QueryAsync("SELECT * FROM \"desk_usage_day\" WHERE time >= '2026-11-26T23:00:00Z'"));
    }

    [Fact]
    public async Task ADayWithoutUsageIsNotStored_SoHistoryDeliveredLaterShowsAtOnce()
    {
        await world.SetOpeningHoursAsync();
        var empty = await GetReportAsync("2026-11-10", "2026-11-10");
        Assert.Equal(0, empty.Desks.Single(d => d.Id == "desk-107").OccupiedSeconds);

        // Tuesday 2026-11-10, 12:00–13:00 Berlin, uploaded after the report above (a new site's history).
        await world.OccupyAsync("desk-107", new DateTimeOffset(2026, 11, 10, 11, 0, 0, TimeSpan.Zero), minutes: 60);
        var report = await GetReportAsync("2026-11-10", "2026-11-10");

        Assert.Equal(3_600, report.Desks.Single(d => d.Id == "desk-107").Hours.Single(c => c.Hour == 12).OccupiedSeconds);
    }

    [Fact]
    public async Task OpeningOnTheHalfHour_CountsOnlyTheOpenHalfOfThatHour()
    {
        await world.SetOpeningHoursAsync(("monday", "08:30", "18:00"));
        // Monday 2026-11-09, 08:00–09:00 Berlin.
        await world.OccupyAsync("desk-106", new DateTimeOffset(2026, 11, 9, 7, 0, 0, TimeSpan.Zero), minutes: 60);

        var report = await GetReportAsync("2026-11-09", "2026-11-09");

        var eight = report.Desks.Single(d => d.Id == "desk-106").Hours.Single(c => c.Hour == 8);
        Assert.Equal(1_800, eight.OccupiedSeconds);
        Assert.Equal(1_800, eight.OpenSeconds);
    }

    private async Task<UtilisationReport> GetReportAsync(string from, string to)
    {
        using var response = await world.Admin.Client.GetAsync($"/api/spaces/hq/utilisation?from={from}&to={to}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<UtilisationReport>())!;
    }
}
