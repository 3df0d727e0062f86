using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Occupancy.Server.Data;

namespace Occupancy.Server.Access;

/// <summary>
/// Deletes access log entries older than the network's retention period (Access:RetentionDays), after adding them
/// to the per-day counts, in one transaction: who opened which door is gone, how many times each door opened or
/// refused, and why, stays.
/// </summary>
public sealed partial class AccessLogRetention(
    IServiceScopeFactory scopes,
    IOptions<AccessOptions> options,
    TimeProvider clock,
    ILogger<AccessLogRetention> logger) : BackgroundService
{
    /// <summary>Deletes what is past retention now; returns how many entries went.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        long cutoff = (clock.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays)).ToUnixTimeMilliseconds();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OccupancyDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var expired = await db.AccessLog.AsNoTracking()
            .Where(e => e.TimestampMs < cutoff)
            .Select(e => new { e.SpaceId, e.TimestampMs, e.DoorId, e.Kind, e.Reason })
            .ToListAsync(cancellationToken);
        if (expired.Count == 0)
        {
            return 0;
        }

        var counts = expired
            .GroupBy(e => (e.SpaceId, Day: DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(e.TimestampMs).UtcDateTime), e.DoorId, e.Kind, e.Reason))
            .ToList();
        var spaces = counts.Select(c => c.Key.SpaceId).Distinct().ToList();
        var days = counts.Select(c => c.Key.Day).Distinct().ToList();
        var existing = await db.AccessDailyCounts.Where(c => spaces.Contains(c.SpaceId) && days.Contains(c.Day)).ToListAsync(cancellationToken);
        foreach (var group in counts)
        {
            var (space, day, door, kind, reason) = group.Key;
            var row = existing.FirstOrDefault(c => c.SpaceId == space && c.Day == day && c.DoorId == door && c.Kind == kind && c.Reason == reason);
            if (row is null)
            {
                db.AccessDailyCounts.Add(new AccessDailyCount { SpaceId = space, Day = day, DoorId = door, Kind = kind, Reason = reason, Count = group.Count() });
            }
            else
            {
                row.Count += group.Count();
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        int deleted = await db.AccessLog.Where(e => e.TimestampMs < cutoff).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogPurged(deleted, options.Value.RetentionDays);
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }

            await Task.Delay(options.Value.RetentionInterval, clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Access log retention deleted {Deleted} entries older than {Days} days (daily counts kept)")]
    private partial void LogPurged(int deleted, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access log retention failed; trying again later")]
    private partial void LogFailed(Exception ex);
}
