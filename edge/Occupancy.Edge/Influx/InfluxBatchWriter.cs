using System.Diagnostics;
using Microsoft.Extensions.Options;
using Occupancy.Edge.Operations;
using Occupancy.Edge.Options;

namespace Occupancy.Edge.Influx;

/// <summary>
/// Writes one batch until it is done: retries what may pass later (network, 5xx, auth, a missing
/// database) with backoff, for as long as it takes; when InfluxDB refuses lines for good (a 4xx such
/// as a field type conflict), halves the batch until the refused lines stand alone and moves only
/// those to the dead-letter file. Rewriting lines InfluxDB already took is harmless: same series and
/// timestamp overwrite.
/// </summary>
public sealed partial class InfluxBatchWriter(
    InfluxV1Client influx,
    InfluxWriterStatus status,
    IOptions<InfluxOptions> options,
    IOptions<EdgeOptions> edgeOptions,
    TimeProvider time,
    ILogger<InfluxBatchWriter> logger,
    EdgeMetrics? metrics = null)
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);

    private readonly TimeSpan _maxRetryDelay = options.Value.MaxRetryDelay;
    private readonly DeadLetterFile _deadLetters = new(edgeOptions.Value.DataDirectory);

    public async Task WriteAsync(IReadOnlyList<string> lines, CancellationToken stoppingToken)
    {
        if (lines.Count > 0)
        {
            await WriteRangeAsync(lines, 0, lines.Count, stoppingToken);
        }
    }

    /// <summary>Retries <paramref name="action"/> until it succeeds or fails for good (thrown).</summary>
    public async Task RetryAsync(Func<CancellationToken, Task> action, string what, CancellationToken stoppingToken)
    {
        var delay = FirstRetryDelay;
        while (true)
        {
            try
            {
                await action(stoppingToken);
                status.Succeeded(time.GetUtcNow());
                return;
            }
            catch (Exception ex) when (IsTransient(ex) && !stoppingToken.IsCancellationRequested)
            {
                status.Failed(time.GetUtcNow(), ex.Message);
                LogRetrying(logger, what, delay, ex.Message);
                await Task.Delay(delay, time, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _maxRetryDelay.Ticks));
            }
        }
    }

    private async Task WriteRangeAsync(IReadOnlyList<string> lines, int start, int count, CancellationToken stoppingToken)
    {
        try
        {
            await RetryAsync(ct => TimedWriteAsync(lines, start, count, ct), $"write {count} points", stoppingToken);
        }
        catch (InfluxWriteException ex) when (ex.IsPermanent)
        {
            if (count == 1)
            {
                LogDeadLettered(logger, lines[start], _deadLetters.Path, ex.Message);
                await _deadLetters.AppendAsync(time.GetUtcNow(), ex.Message, [lines[start]], stoppingToken);
                status.DeadLettered(1);
                return;
            }

            int half = count / 2;
            await WriteRangeAsync(lines, start, half, stoppingToken);
            await WriteRangeAsync(lines, start + half, count - half, stoppingToken);
        }
    }

    private async Task TimedWriteAsync(IReadOnlyList<string> lines, int start, int count, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        string outcome = "error";
        try
        {
            await influx.WriteAsync(lines, start, count, cancellationToken);
            outcome = "ok";
        }
        catch (InfluxWriteException ex) when (ex.IsPermanent)
        {
            outcome = "refused";
            throw;
        }
        finally
        {
            metrics?.RecordInfluxWrite(Stopwatch.GetElapsedTime(started), outcome, count);
        }
    }

    private static bool IsTransient(Exception ex) =>
        ex is HttpRequestException or TaskCanceledException or TimeoutException || (ex is InfluxWriteException influx && !influx.IsPermanent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not {What} in InfluxDB, retrying in {Delay}: {Error}")]
    private static partial void LogRetrying(ILogger logger, string what, TimeSpan delay, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "InfluxDB refused a point for good; moved it to {Path}: {Error} (point: {Line})")]
    private static partial void LogDeadLettered(ILogger logger, string line, string path, string error);
}
