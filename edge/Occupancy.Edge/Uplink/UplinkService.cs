using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Options;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Options;
using Occupancy.Edge.Outbox;
using Occupancy.Uplink;

namespace Occupancy.Edge.Uplink;

/// <summary>
/// Keeps the edge connected to the server's edge hub (DESIGN.md D4), store-and-forward: desk
/// changes are read from the outbox through the uplink's own cursor, coalesced to at most one
/// waiting state per desk and pushed at most every <see cref="UplinkOptions.MinPushInterval"/>.
/// While the server is away nothing is lost: the cursor stays put. After every (re)connection
/// the edge sends the site configuration request, then a full snapshot of every desk, then what
/// the outbox holds beyond that snapshot. The access replica is fetched on connecting and taken whenever the
/// server pushes one (AccessReplicaSync); door decisions and alarms go to the server's access log through their own
/// cursor (AccessEventForwarder).
/// </summary>
public sealed partial class UplinkService(
    IOptions<UplinkOptions> options,
    SiteDirectory site,
    EventRecorder recorder,
    OutboxLog outbox,
    UplinkStatus status,
    AccessReplicaSync accessSync,
    TimeProvider time,
    ILogger<UplinkService> logger) : BackgroundService
{
    // Pushes go at most every MinPushInterval, so this caps how many desk changes a second reach the server: 5,000
    // (~350 KB, within the edge hub's message limit) per 250 ms is 20,000/s, far above a large site's burst; at 500
    // a burst of 2,500 reports/s in the soak outran it and reached the server seconds late.
    private const int MaxPush = 5_000;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);

    private readonly UplinkOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(_options.ServerUrl), EdgeHubContract.Path), o => o.Headers[EdgeHubContract.SiteKeyHeader] = _options.SiteKey)
            .Build();
        connection.On<SiteConfig>(nameof(IEdgeClient.SiteConfigChanged), site.Apply);
        accessSync.Register(connection);
        connection.Closed += error =>
        {
            status.Disconnected(time.GetUtcNow(), error?.Message ?? "closed");
            return Task.CompletedTask;
        };

        var consumer = outbox.Consumer(OutboxConsumers.Uplink);
        using var reader = outbox.OpenReader(consumer.Position);
        using var accessEvents = new AccessEventForwarder(outbox);
        var pending = new DeskStateCoalescer();
        long coveredBySnapshot = 0;
        var lastPush = DateTimeOffset.MinValue;
        var delay = FirstRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (connection.State == HubConnectionState.Disconnected)
                {
                    await connection.StartAsync(stoppingToken);
                    coveredBySnapshot = await OnConnectedAsync(connection, stoppingToken);
                    pending.DropThrough(coveredBySnapshot);
                    status.Connected(time.GetUtcNow());
                    delay = FirstRetryDelay;
                }

                Collect(reader, pending, coveredBySnapshot);
                await accessEvents.ForwardAsync(connection, stoppingToken);
                if (pending.Count == 0)
                {
                    Commit(consumer, reader, pending);
                    await WaitForRecordsAsync(reader, stoppingToken);
                    continue;
                }

                // Coalescing window: whatever arrives until the next push may replace what waits.
                var wait = lastPush + _options.MinPushInterval - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stoppingToken);
                    Collect(reader, pending, coveredBySnapshot);
                }

                var push = pending.Peek(MaxPush);
                await connection.InvokeAsync(nameof(IEdgeHub.PushDeskStates), push.Select(p => p.Change).ToArray(), stoppingToken);
                lastPush = time.GetUtcNow();
                pending.Delivered(push);
                Commit(consumer, reader, pending);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // What waits stays waiting (and in the outbox, behind the cursor) for the next connection.
                status.Disconnected(time.GetUtcNow(), ex.Message);
                LogUplinkDown(logger, _options.ServerUrl, delay, ex.Message);
                await StopQuietlyAsync(connection);
                await Task.Delay(delay, time, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
            }
        }
    }

    /// <summary>Fetches the configuration, sends every desk's state; returns the outbox LSN that snapshot covers.</summary>
    private async Task<long> OnConnectedAsync(HubConnection connection, CancellationToken cancellationToken)
    {
        var config = await connection.InvokeAsync<SiteConfig>(nameof(IEdgeHub.GetSiteConfig), cancellationToken);
        site.Apply(config);
        await accessSync.OnConnectedAsync(connection, cancellationToken);
        var (desks, lsn) = recorder.Snapshot();
        var snapshot = desks.Select(d => new DeskStateChange(d.DeskId, d.State, d.TimestampMs)).ToArray();
        foreach (var chunk in snapshot.Chunk(MaxPush))
        {
            await connection.InvokeAsync(nameof(IEdgeHub.PushDeskStates), chunk, cancellationToken);
        }

        LogConnected(logger, _options.ServerUrl, snapshot.Length);
        return lsn;
    }

    private static void Collect(OutboxReader reader, DeskStateCoalescer pending, long coveredBySnapshot)
    {
        var entries = new List<OutboxEntry>(256);
        while (reader.Read(entries, 1024) > 0)
        {
            foreach (var entry in entries)
            {
                if (entry.Event is DeskChange change && entry.Lsn > coveredBySnapshot)
                {
                    pending.Add(change, entry.Lsn);
                }
            }

            entries.Clear();
        }
    }

    /// <summary>Moves the cursor to just before the oldest change still waiting: everything earlier reached the server or was replaced.</summary>
    private static void Commit(OutboxConsumer consumer, OutboxReader reader, DeskStateCoalescer pending)
    {
        long through = pending.OldestLsn is { } oldest ? oldest - 1 : reader.Position;
        if (through > consumer.Position)
        {
            consumer.Commit(through, null);
        }
    }

    private async Task WaitForRecordsAsync(OutboxReader reader, CancellationToken stoppingToken)
    {
        try
        {
            // Woken by new records; the timeout only lets a dropped connection be noticed and retried.
            await reader.WaitAsync(stoppingToken).WaitAsync(TimeSpan.FromSeconds(5), time, stoppingToken);
        }
        catch (TimeoutException)
        {
        }
    }

    private static async Task StopQuietlyAsync(HubConnection connection)
    {
        try
        {
            await connection.StopAsync();
        }
        catch (Exception)
        {
            // Already broken; the next StartAsync builds a fresh transport.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to the server at {ServerUrl}; sent a snapshot of {Desks} desks")]
    private static partial void LogConnected(ILogger logger, string serverUrl, int desks);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Server at {ServerUrl} unreachable, retrying in {Delay}: {Error}")]
    private static partial void LogUplinkDown(ILogger logger, string serverUrl, TimeSpan delay, string error);
}
