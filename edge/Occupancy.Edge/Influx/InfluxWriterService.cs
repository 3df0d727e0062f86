using System.Text;
using Microsoft.Extensions.Options;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Options;

namespace Occupancy.Edge.Influx;

/// <summary>
/// Drains accepted events to InfluxDB in batches bounded by size and time. A failure that may
/// pass (network, 5xx, auth) is retried with backoff, keeping the batch; a write that can never
/// succeed is moved aside to a dead-letter file with the reason instead of blocking the rest.
/// </summary>
public sealed partial class InfluxWriterService(
    EdgeEvents events,
    InfluxV1Client influx,
    IOptions<InfluxOptions> influxOptions,
    IOptions<EdgeOptions> edgeOptions,
    ILogger<InfluxWriterService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly InfluxOptions _options = influxOptions.Value;
    private readonly string _deadLetterPath = Path.Combine(edgeOptions.Value.DataDirectory, "influx-dead-letter.txt");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.CreateDatabase)
        {
            await RetryAsync(influx.CreateDatabaseAsync, "create the database", stoppingToken);
        }

        var reader = events.InfluxLines.Reader;
        var batch = new StringBuilder();
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            int count = await FillBatchAsync(reader, batch, stoppingToken);
            await WriteBatchAsync(batch.ToString(), count, stoppingToken);
            batch.Clear();
        }
    }

    private async Task<int> FillBatchAsync(System.Threading.Channels.ChannelReader<string> reader, StringBuilder batch, CancellationToken stoppingToken)
    {
        int count = 0;
        using var window = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        window.CancelAfter(_options.FlushInterval);
        try
        {
            while (count < _options.BatchSize)
            {
                while (count < _options.BatchSize && reader.TryRead(out var line))
                {
                    batch.Append(line).Append('\n');
                    count++;
                }

                if (count >= _options.BatchSize || !await reader.WaitToReadAsync(window.Token))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The flush interval ended the batch.
        }

        return count;
    }

    private async Task WriteBatchAsync(string lines, int count, CancellationToken stoppingToken)
    {
        try
        {
            await RetryAsync(ct => influx.WriteAsync(lines, ct), $"write {count} points", stoppingToken);
            LogWritten(logger, count);
        }
        catch (InfluxWriteException ex) when (ex.IsPermanent)
        {
            LogDeadLettered(logger, count, _deadLetterPath, ex.Message);
            Directory.CreateDirectory(Path.GetDirectoryName(_deadLetterPath)!);
            await File.AppendAllTextAsync(_deadLetterPath, $"# {DateTimeOffset.UtcNow:O} {ex.Message}\n{lines}", stoppingToken);
        }
    }

    private async Task RetryAsync(Func<CancellationToken, Task> action, string what, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await action(stoppingToken);
                return;
            }
            catch (Exception ex) when (IsTransient(ex) && !stoppingToken.IsCancellationRequested)
            {
                LogRetrying(logger, what, delay, ex.Message);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private static bool IsTransient(Exception ex) =>
        ex is HttpRequestException or TaskCanceledException || (ex is InfluxWriteException influx && !influx.IsPermanent);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Wrote {Count} points to InfluxDB")]
    private static partial void LogWritten(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not {What} in InfluxDB, retrying in {Delay}: {Error}")]
    private static partial void LogRetrying(ILogger logger, string what, TimeSpan delay, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "InfluxDB refused {Count} points for good; moved them to {Path}: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, int count, string path, string error);
}
