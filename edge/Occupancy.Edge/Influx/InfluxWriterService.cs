using Microsoft.Extensions.Options;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Options;
using Occupancy.Edge.Outbox;
using Occupancy.Edge.Usage;

namespace Occupancy.Edge.Influx;

/// <summary>
/// Ships the outbox to InfluxDB: reads records from its cursor in batches bounded by size and
/// time and writes each batch (see <see cref="InfluxBatchWriter"/>); at each checkpoint (every
/// Influx:CheckpointInterval while records flow, at once when they pause) it adds the desk_usage roll-ups that fell
/// due and only then moves its cursor, saved together with the roll-up state. After a crash it resumes from the saved
/// cursor and rewrites what came after it, which overwrites the same points.
/// </summary>
public sealed partial class InfluxWriterService(
    OutboxLog outbox,
    InfluxV1Client influx,
    InfluxBatchWriter writer,
    IOptions<InfluxOptions> influxOptions,
    IOptions<EdgeOptions> edgeOptions,
    TimeProvider time,
    ILogger<InfluxWriterService> logger) : BackgroundService
{
    /// <summary>How often roll-ups are checked while no event arrives: rows fall due with time alone.</summary>
    private static readonly TimeSpan IdleTick = TimeSpan.FromSeconds(1);

    /// <summary>No record for this long after a write, and the flow has paused: checkpoint now rather than at the interval.</summary>
    private static readonly TimeSpan PauseBeforeCheckpoint = TimeSpan.FromMilliseconds(100);

    /// <summary>… and this much after it, for a device clock running ahead.</summary>
    private static readonly long UsageMaxLeadMs = (long)TimeSpan.FromMinutes(1).TotalMilliseconds;

    private readonly InfluxOptions _options = influxOptions.Value;

    /// <summary>
    /// For roll-ups only, a device time is trusted within this much before its arrival (Influx:UsageMaxLag): a device
    /// whose clock was never set (1970) must not make the edge fill decades of intervals.
    /// </summary>
    private long UsageMaxLagMs => (long)_options.UsageMaxLag.TotalMilliseconds;
    private readonly InfluxPoints _points = new(edgeOptions.Value.SiteId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.CreateDatabase)
        {
            await writer.RetryAsync(influx.CreateDatabaseAsync, "create the database", stoppingToken);
        }

        var consumer = outbox.Consumer(OutboxConsumers.Influx);
        var usage = new UsageRollup(_options.UsageInterval, consumer.State);
        var aggregates = new UsageAggregates(influx, edgeOptions.Value.SiteId, _options.UsageInterval);
        using var reader = outbox.OpenReader(consumer.Position);
        var entries = new List<OutboxEntry>(_options.BatchSize);
        var rows = new List<UsageRow>();
        var lines = new List<string>(_options.BatchSize);
        long lastCheckpoint = time.GetTimestamp();
        bool uncommitted = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            // With records written but not yet checkpointed, a short pause in the flow is enough to checkpoint.
            await FillAsync(reader, entries, uncommitted ? PauseBeforeCheckpoint : IdleTick, stoppingToken);
            foreach (var entry in entries)
            {
                lines.Add(_points.Of(entry.Event));
                if (entry.Event is DeskChange change)
                {
                    usage.Apply(change with { TimestampMs = Math.Clamp(change.TimestampMs, entry.AppendedMs - UsageMaxLagMs, entry.AppendedMs + UsageMaxLeadMs) });
                }
            }

            // Usage rows, their hourly and site sums and the cursor go together, once per checkpoint rather than per
            // batch: a row that several batches change is written once, and InfluxDB is queried for the sums once.
            // A crash before the checkpoint replays from the last one, and rewriting the same points changes nothing.
            bool checkpoint = entries.Count == 0 || time.GetElapsedTime(lastCheckpoint) >= _options.CheckpointInterval;
            if (checkpoint)
            {
                // Behind (catching up after an outage or a restart), time is where the records are, not the clock.
                long now = reader.HasMore && entries.Count > 0 ? entries[^1].AppendedMs : time.GetUtcNow().ToUnixTimeMilliseconds();
                usage.EmitDue(now - (long)_options.UsageGrace.TotalMilliseconds, rows, _options.BatchSize);
                foreach (var row in rows)
                {
                    lines.Add(_points.DeskUsage(row));
                }
            }

            if (lines.Count > 0)
            {
                await WriteUntilDoneAsync(lines, stoppingToken);
                uncommitted = true;
            }

            if (checkpoint && uncommitted)
            {
                await RefreshAggregatesAsync(aggregates, rows, stoppingToken);
                consumer.Commit(reader.Position, usage.Save);
                uncommitted = false;
            }

            if (checkpoint)
            {
                lastCheckpoint = time.GetTimestamp();
            }

            entries.Clear();
            rows.Clear();
            lines.Clear();
        }
    }

    /// <summary>The batch is written, or dead-lettered line by line; anything unexpected is logged and the batch tried again.</summary>
    private async Task WriteUntilDoneAsync(List<string> lines, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await writer.WriteAsync(lines, stoppingToken);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // E.g. the dead-letter file cannot be written either: keep the batch, never skip it.
                LogUnexpected(logger, ex, lines.Count);
                await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Before the cursor moves, so a crash refreshes them again. Retried while InfluxDB is away; a failure for good is
    /// logged and passed over: the 5-minute rows are written, and the next rewrite of those hours corrects them.
    /// </summary>
    private async Task RefreshAggregatesAsync(UsageAggregates aggregates, List<UsageRow> rows, CancellationToken stoppingToken)
    {
        try
        {
            await writer.RetryAsync(ct => aggregates.RefreshAsync(rows, ct), "refresh desk_usage_1h and site_usage", stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogAggregatesFailed(logger, ex, rows.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing the hourly and site usage for {Count} desk_usage rows failed")]
    private static partial void LogAggregatesFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing a batch of {Count} lines failed unexpectedly; trying it again")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, int count);

    /// <summary>Collects up to a batch: waits for the first record (or the idle tick), then at most the flush interval for more.</summary>
    private async Task FillAsync(OutboxReader reader, List<OutboxEntry> entries, TimeSpan firstWait, CancellationToken stoppingToken)
    {
        if (reader.Read(entries, _options.BatchSize) == 0)
        {
            if (!await WaitForRecordsAsync(reader, firstWait, stoppingToken))
            {
                return;
            }

            reader.Read(entries, _options.BatchSize);
        }

        var deadline = time.GetUtcNow() + _options.FlushInterval;
        while (entries.Count < _options.BatchSize)
        {
            if (reader.Read(entries, _options.BatchSize - entries.Count) > 0)
            {
                continue;
            }

            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero || !await WaitForRecordsAsync(reader, remaining, stoppingToken))
            {
                return;
            }
        }
    }

    /// <summary>True once records arrive, false after <paramref name="timeout"/>; a timeout is the normal end of a batch, so it throws nothing.</summary>
    private async Task<bool> WaitForRecordsAsync(OutboxReader reader, TimeSpan timeout, CancellationToken stoppingToken)
    {
        var arrived = reader.WaitAsync(CancellationToken.None);
        if (!arrived.IsCompleted)
        {
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            await Task.WhenAny(arrived, Task.Delay(timeout, time, waiting.Token));
            waiting.Cancel();
        }

        stoppingToken.ThrowIfCancellationRequested();
        return arrived.IsCompleted;
    }
}
