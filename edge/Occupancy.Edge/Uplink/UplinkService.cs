using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Options;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Options;
using Occupancy.Uplink;

namespace Occupancy.Edge.Uplink;

/// <summary>
/// Keeps the edge connected to the server's edge hub (DESIGN.md D4): fetches the site
/// configuration, pushes desk changes, and after every (re)connection sends a full snapshot
/// first so the server is right at once, then whatever queued up meanwhile.
/// </summary>
public sealed partial class UplinkService(
    IOptions<UplinkOptions> options,
    SiteDirectory site,
    OccupancyEngine engine,
    EdgeEvents events,
    ILogger<UplinkService> logger) : BackgroundService
{
    private const int MaxBatch = 500;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly UplinkOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(_options.ServerUrl), EdgeHubContract.Path), o => o.Headers[EdgeHubContract.SiteKeyHeader] = _options.SiteKey)
            .Build();
        connection.On<SiteConfig>(nameof(IEdgeClient.SiteConfigChanged), site.Apply);

        DeskChange[] pending = [];
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (connection.State == HubConnectionState.Disconnected)
                {
                    await connection.StartAsync(stoppingToken);
                    await OnConnectedAsync(connection, stoppingToken);
                    delay = TimeSpan.FromMilliseconds(250);
                }

                if (pending.Length == 0)
                {
                    pending = await NextBatchAsync(stoppingToken);
                }

                await connection.InvokeAsync(nameof(IEdgeHub.PushDeskStates), ToWire(pending), stoppingToken);
                pending = [];
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The batch stays pending; it is re-sent after the snapshot of the next connection.
                LogUplinkDown(logger, _options.ServerUrl, delay, ex.Message);
                await StopQuietlyAsync(connection);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private async Task OnConnectedAsync(HubConnection connection, CancellationToken cancellationToken)
    {
        var config = await connection.InvokeAsync<SiteConfig>(nameof(IEdgeHub.GetSiteConfig), cancellationToken);
        site.Apply(config);
        var snapshot = engine.Snapshot().Select(d => new DeskStateChange(d.DeskId, d.State, d.TimestampMs)).ToArray();
        if (snapshot.Length > 0)
        {
            await connection.InvokeAsync(nameof(IEdgeHub.PushDeskStates), snapshot, cancellationToken);
        }

        LogConnected(logger, _options.ServerUrl, snapshot.Length);
    }

    private async Task<DeskChange[]> NextBatchAsync(CancellationToken cancellationToken)
    {
        var reader = events.DeskChangesForServer.Reader;
        await reader.WaitToReadAsync(cancellationToken);
        var batch = new List<DeskChange>();
        while (batch.Count < MaxBatch && reader.TryRead(out var change))
        {
            batch.Add(change);
        }

        return [.. batch];
    }

    private static DeskStateChange[] ToWire(DeskChange[] changes) =>
        [.. changes.Select(c => new DeskStateChange(c.DeskId, c.State, c.TimestampMs))];

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
