using System.Text.Json;
using StackExchange.Redis;

namespace Occupancy.Server.Live.ScaleOut;

/// <summary>
/// Applies the live changes other server instances received to this instance's own state, one at a time in the
/// order Redis delivers them, and pushes them to this instance's dashboards like its own changes. It subscribes
/// while the server starts, so an instance never takes requests with a state that misses later changes.
/// </summary>
public sealed partial class LiveUpdateListener(
    RedisConnection redis,
    LiveUpdatePublisher publisher,
    LiveOccupancy live,
    EdgeConnections edges,
    IServiceScopeFactory scopes,
    ILogger<LiveUpdateListener> logger) : IHostedService
{
    private ChannelMessageQueue? _queue;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!redis.IsConfigured)
        {
            return;
        }

        var connection = await redis.GetAsync();
        _queue = await connection.GetSubscriber().SubscribeAsync(LiveUpdatePublisher.Channel);
        _queue.OnMessage(OnMessageAsync);
        LogListening(publisher.InstanceId);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Once only, and never failing the shutdown: if the Redis connection is already closed (seen when a host
        // is stopped while being disposed), the subscription ended with it.
        if (Interlocked.Exchange(ref _queue, null) is not { } queue)
        {
            return;
        }

        try
        {
            await queue.UnsubscribeAsync();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task OnMessageAsync(ChannelMessage message)
    {
        try
        {
            var update = JsonSerializer.Deserialize<LiveUpdate>(message.Message.ToString());
            if (update is null || update.Origin == publisher.InstanceId)
            {
                return;
            }

            await ApplyAsync(update);
        }
        catch (Exception ex)
        {
            // One change that cannot be applied (a malformed message, a database hiccup) must not stop the ones after it.
            LogFailed(ex);
        }
    }

    private async Task ApplyAsync(LiveUpdate update)
    {
        switch (update.Kind)
        {
            case LiveUpdate.DeskChanges:
                await live.ApplyFromPeerAsync(update.SiteId, update.Changes ?? [], CancellationToken.None);
                break;
            case LiveUpdate.LayoutChanged:
                await using (var scope = scopes.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<LayoutChanges>().ReloadLiveAsync(update.SiteId, CancellationToken.None);
                }

                break;
            case LiveUpdate.EdgeConnection when update.ConnectionId is { } connectionId:
                await edges.ApplyFromPeerAsync(update.SiteId, connectionId, update.Connected);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Following other server instances' live changes through Redis (this instance: {InstanceId})")]
    private partial void LogListening(string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live change from another server instance could not be applied")]
    private partial void LogFailed(Exception error);
}
