using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Occupancy.Server.Models.Utilisation;
using Occupancy.Server.Utilisation;

namespace Occupancy.Server.Tests.Utilisation;

/// <summary>
/// An edge that was offline writes rows for a day the server has already rolled up: the background roll-up sees the
/// day's site_usage totals change and rolls it up again. A class of its own, because the background roll-up stores
/// every day of the last quarter, which other tests write later.
/// </summary>
public sealed class LateUsageRollupTests(RollupWorld world) : IClassFixture<RollupWorld>
{
    [Fact]
    public async Task LateRowsForADayAlreadyRolledUp_CountOnceTheBackgroundRollUpHasRun()
    {
        await world.SetOpeningHoursAsync(("wednesday", "08:00", "18:00"));
        // Wednesday 2026-11-18, 09:00 Berlin: nine days before the server's today, older than the days always redone.
        await world.OccupyAsync("desk-103", new DateTimeOffset(2026, 11, 18, 8, 0, 0, TimeSpan.Zero), minutes: 60);
        var before = await GetReportAsync("2026-11-18", "2026-11-18");
        Assert.Equal(3_600, before.Desks.Single(d => d.Id == "desk-103").Hours.Single(c => c.Hour == 9).OccupiedSeconds);

        // An edge that was offline delivers 10:00–10:30 of that day now: the stored roll-up does not hold it yet.
        await world.OccupyAsync("desk-103", new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.Zero), minutes: 30);
        Assert.Equal(0, (await GetReportAsync("2026-11-18", "2026-11-18")).Desks.Single(d => d.Id == "desk-103").Hours.Single(c => c.Hour == 10).OccupiedSeconds);
        await world.Server.Services.GetRequiredService<UsageRollupService>().RollUpAsync(CancellationToken.None);

        var after = await GetReportAsync("2026-11-18", "2026-11-18");
        var desk = after.Desks.Single(d => d.Id == "desk-103");
        Assert.Equal(1_800, desk.Hours.Single(c => c.Hour == 10).OccupiedSeconds);
        Assert.Equal(5_400, desk.OccupiedSeconds);
    }

    private async Task<UtilisationReport> GetReportAsync(string from, string to)
    {
        using var response = await world.Admin.Client.GetAsync($"/api/spaces/hq/utilisation?from={from}&to={to}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<UtilisationReport>())!;
    }
}
