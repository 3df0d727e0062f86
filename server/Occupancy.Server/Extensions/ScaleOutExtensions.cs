using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Options;
using Occupancy.Server.Data;
using Occupancy.Server.Hubs;
using Occupancy.Server.Live.ScaleOut;

namespace Occupancy.Server.Extensions;

public static class ScaleOutExtensions
{
    /// <summary>
    /// Several server instances on one database (docs/deployment.md), switched on by <c>Server:Redis</c>; without it
    /// nothing here touches Redis. Each instance keeps the whole live state: what one instance receives (desk changes,
    /// layout edits, edge connections) reaches the others through a Redis channel, and each pushes to its own
    /// dashboards, so a browser's snapshot and the pushes after it always come from the same state. The edge hub
    /// uses SignalR's Redis backplane, so a message for a site's edge reaches it on whichever instance it is connected.
    /// The choice is made when first used: a test host's configuration arrives after registration.
    /// </summary>
    public static IServiceCollection AddScaleOut(this IServiceCollection services)
    {
        services.AddSingleton<RedisConnection>();
        services.AddSingleton<LiveUpdatePublisher>();
        services.AddHostedService<LiveUpdateListener>();

        services.AddOptions<RedisOptions>().Configure<IOptions<ServerOptions>>((redis, server) =>
        {
            redis.Configuration = RedisConnection.Parse(server.Value.Redis);
            redis.Configuration.ChannelPrefix = RedisChannel("occupancy-signalr");
        });
        services.AddSingleton<HubLifetimeManager<EdgeHub>>(sp => sp.GetRequiredService<IOptions<ServerOptions>>().Value.IsScaledOut
            ? new RedisHubLifetimeManager<EdgeHub>(
                sp.GetRequiredService<ILogger<RedisHubLifetimeManager<EdgeHub>>>(),
                sp.GetRequiredService<IOptions<RedisOptions>>(),
                sp.GetRequiredService<IHubProtocolResolver>(),
                sp.GetRequiredService<IOptions<HubOptions>>(),
                sp.GetRequiredService<IOptions<HubOptions<EdgeHub>>>())
            : new DefaultHubLifetimeManager<EdgeHub>(sp.GetRequiredService<ILogger<DefaultHubLifetimeManager<EdgeHub>>>()));
        return services;
    }

    private static StackExchange.Redis.RedisChannel RedisChannel(string prefix) => StackExchange.Redis.RedisChannel.Literal(prefix);
}
