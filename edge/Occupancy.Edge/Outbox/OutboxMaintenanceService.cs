using Microsoft.Extensions.Options;
using Occupancy.Edge.Occupancy;

namespace Occupancy.Edge.Outbox;

/// <summary>
/// Every <see cref="OutboxOptions.CheckpointInterval"/>: saves the occupancy engine's state (once
/// the records it reflects are on disk), then deletes the segments that neither a consumer nor a
/// restart needs any more. Saves a last checkpoint on shutdown, so a clean restart replays nothing.
/// </summary>
public sealed partial class OutboxMaintenanceService(
    OutboxLog outbox,
    EventRecorder recorder,
    EngineCheckpoint checkpoint,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxMaintenanceService> logger) : BackgroundService
{
    private long _savedLsn = -1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RunOnceAsync(stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await RunOnceAsync(cancellationToken);
    }

    /// <summary>One checkpoint and clean-up; public for tests.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (desks, lsn) = recorder.Snapshot();
            if (lsn != _savedLsn && await outbox.WaitDurableAsync(lsn, cancellationToken))
            {
                // Only a state whose records are all on disk: a checkpoint must never know more than the log.
                checkpoint.Save(lsn, desks);
                outbox.CheckpointedThrough(lsn);
                _savedLsn = lsn;
            }

            outbox.DeleteConsumedSegments();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox checkpoint or clean-up failed, will try again: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
