using Microsoft.Extensions.Options;
using Occupancy.Server.Data;
using StackExchange.Redis;

namespace Occupancy.Server.Live.ScaleOut;

/// <summary>
/// The instance's connection to Redis for live updates between instances (<see cref="ServerOptions.Redis"/>),
/// opened on first use. SignalR's backplane opens its own, so neither waits behind the other's traffic.
/// </summary>
public sealed class RedisConnection(IOptions<ServerOptions> options) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() => ConnectionMultiplexer.ConnectAsync(Parse(options.Value.Redis)));

    public bool IsConfigured => options.Value.IsScaledOut;

    public Task<ConnectionMultiplexer> GetAsync() => _connection.Value;

    /// <summary>The connection string with the settings every instance needs; also used for SignalR's backplane.</summary>
    public static ConfigurationOptions Parse(string? connectionString)
    {
        var configuration = ConfigurationOptions.Parse(connectionString ?? "");
        configuration.ClientName = "occupancy-server";
        return configuration;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }
}
