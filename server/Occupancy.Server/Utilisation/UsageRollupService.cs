using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Occupancy.Influx;
using Occupancy.Server.Data;

namespace Occupancy.Server.Utilisation;

/// <summary>
/// Keeps every space's daily roll-up in step with the edges, every <see cref="UsageRollupOptions.Every"/>: over the
/// closed days of the last <see cref="UsageRollupOptions.BackfillDays"/>, rolls up those with usage rows but no
/// roll-up yet, rolls up again those whose site_usage totals differ from the ones their roll-up was made from (an
/// edge that was offline wrote them late), and the latest <see cref="UsageRollupOptions.RecomputeDays"/> in any case. Works from InfluxDB alone, so several server instances
/// may run it at once: they write the same rows.
/// </summary>
public sealed partial class UsageRollupService(
    IServiceScopeFactory scopes,
    IOptions<UsageRollupOptions> options,
    TimeProvider clock,
    ILogger<UsageRollupService> logger) : BackgroundService
{
    /// <summary>At most one week of hourly rows per query.</summary>
    private const int DaysPerQuery = 7;

    /// <summary>Rolls up what is missing or changed in every space; returns how many days were written.</summary>
    public async Task<int> RollUpAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OccupancyDbContext>();
        var rollup = scope.ServiceProvider.GetRequiredService<DailyUsageRollup>();
        var spaces = await db.Spaces.AsNoTracking().Select(s => new { s.Id, s.TimeZone }).ToListAsync(cancellationToken);
        var written = 0;
        foreach (var space in spaces)
        {
            written += await RollUpSpaceAsync(rollup, space.Id, TimeZoneInfo.FindSystemTimeZoneById(space.TimeZone), cancellationToken);
        }

        return written;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var started = clock.GetTimestamp();
                var written = await RollUpAsync(stoppingToken);
                LogRolledUp(written, clock.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (InfluxWriteException ex) when (ex.Message.Contains("database not found", StringComparison.Ordinal))
            {
                // A new network: no edge has written usage yet (the edge creates the database), so there is nothing to roll up.
                LogNoUsageYet();
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(ex);
            }

            await Task.Delay(options.Value.Every, clock, stoppingToken);
        }
    }

    private async Task<int> RollUpSpaceAsync(DailyUsageRollup rollup, string siteId, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        while (!settings.IsClosed(LocalDay.Range(zone, last, last)[0], now))
        {
            last = last.AddDays(-1);
        }

        var days = LocalDay.Range(zone, last.AddDays(1 - settings.BackfillDays), last);
        var stored = await rollup.ReadDaysAsync(siteId, days[0].StartMs, days[^1].EndMs, cancellationToken);
        var totals = await rollup.ReadSourceTotalsAsync(siteId, zone, days[0].Date, last, cancellationToken);
        var recomputeFrom = last.AddDays(1 - settings.RecomputeDays);
        // Days without any usage rows are not stored (reports compute them, cheaply): the edge may still deliver them,
        // as when a new site uploads its history.
        var due = days.Where(day =>
        {
            var (occupied, known) = totals.GetValueOrDefault(day.StartMs);
            if (!stored.TryGetValue(day.StartMs, out var row))
            {
                return known > 0;
            }

            return day.Date >= recomputeFrom || !Same(row.SourceOccupiedSeconds, occupied) || !Same(row.SourceKnownSeconds, known);
        }).ToList();

        var written = 0;
        foreach (var run in LocalDay.ConsecutiveRuns(due, DaysPerQuery))
        {
            var usage = await rollup.ComputeAsync(siteId, zone, run[0].Date, run[^1].Date, cancellationToken);
            await rollup.WriteAsync(siteId, usage, cancellationToken);
            written += usage.Length;
        }

        return written;
    }

    private static bool Same(double a, double b) => Math.Abs(a - b) <= 1e-6 * Math.Max(1, Math.Abs(a));

    [LoggerMessage(Level = LogLevel.Information, Message = "Utilisation roll-up wrote {Days} days in {Milliseconds} ms")]
    private partial void LogRolledUp(int days, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Utilisation roll-up: no usage in InfluxDB yet (no edge has created its database); trying again later")]
    private partial void LogNoUsageYet();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Utilisation roll-up failed; trying again later")]
    private partial void LogFailed(Exception ex);
}
