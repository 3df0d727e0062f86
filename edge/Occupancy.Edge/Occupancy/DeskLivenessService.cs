namespace Occupancy.Edge.Occupancy;

/// <summary>
/// Once a second, turns desks whose sensors fell silent (see <see cref="DeskLiveness"/>) into
/// unknown, recorded in the outbox like any other change, so the state survives a restart and
/// reaches InfluxDB and the server the usual way. The sensor's next report brings the desk back.
/// </summary>
public sealed partial class DeskLivenessService(
    DeskLiveness liveness,
    SiteDirectory site,
    EventRecorder recorder,
    TimeProvider time,
    ILogger<DeskLivenessService> logger) : BackgroundService
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Action<global::Occupancy.Uplink.SiteConfig> onChanged = config => liveness.WatchLayout(config.Desks);
        site.Changed += onChanged;
        if (site.Config is { } config)
        {
            liveness.WatchLayout(config.Desks);
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(SweepInterval, time, stoppingToken);
                Sweep();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            site.Changed -= onChanged;
        }
    }

    /// <summary>Records every newly silent desk as unknown; returns how many were recorded.</summary>
    public int Sweep()
    {
        var silent = liveness.Silent();
        if (silent.Count == 0)
        {
            return 0;
        }

        long now = time.GetUtcNow().ToUnixTimeMilliseconds();
        int recorded = 0;
        foreach (var desk in silent)
        {
            // With no room in the outbox the desk stays on the list and is tried again at the next sweep.
            if (recorder.RecordDeskOffline(desk, now).Accepted)
            {
                liveness.ReportedSilent(desk);
                recorded++;
            }
        }

        LogSilent(logger, recorded, silent[0].DeskId, DeskLiveness.SilenceFactor);
        return recorded;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} desk sensors silent for {Factor} heartbeats (first: desk {DeskId}): their desks are unknown until they report again")]
    private static partial void LogSilent(ILogger logger, int count, string deskId, double factor);
}
