using System.Text.Json;
using Occupancy.Uplink;
using StackExchange.Redis;

namespace Occupancy.Server.Live.ScaleOut;

/// <summary>
/// Tells the other server instances about a live change this one has applied, over one Redis channel; a single
/// instance (no <c>Server:Redis</c>) has no one to tell and does nothing. Redis delivers a channel's messages to
/// each subscriber in publish order, and <see cref="LiveUpdateListener"/> applies them one at a time, so every
/// instance sees one edge's changes in the order that edge sent them.
/// </summary>
public sealed class LiveUpdatePublisher(RedisConnection redis)
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("occupancy:live");

    /// <summary>This process; messages it sent come back to it from Redis and are skipped.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public Task DeskChangesAsync(string siteId, DeskStateChange[] changes) =>
        PublishAsync(new LiveUpdate(InstanceId, LiveUpdate.DeskChanges, siteId, Changes: changes));

    public Task LayoutChangedAsync(string spaceId) =>
        PublishAsync(new LiveUpdate(InstanceId, LiveUpdate.LayoutChanged, spaceId));

    public Task EdgeConnectionAsync(string siteId, string connectionId, bool connected) =>
        PublishAsync(new LiveUpdate(InstanceId, LiveUpdate.EdgeConnection, siteId, ConnectionId: connectionId, Connected: connected));

    private async Task PublishAsync(LiveUpdate update)
    {
        if (!redis.IsConfigured)
        {
            return;
        }

        var connection = await redis.GetAsync();
        await connection.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(update));
    }
}
