using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Simulator;

/// <summary>How a simulated device reaches its broker: the same settings a real device is provisioned with.</summary>
public sealed class MqttDeviceLinkOptions
{
    public required string BrokerHost { get; init; }

    public required int BrokerPort { get; init; }

    /// <summary>Client id and user name: the device id.</summary>
    public required string DeviceId { get; init; }

    /// <summary>The per-device secret, sent as the MQTT password; empty for an open broker.</summary>
    public string Secret { get; init; } = string.Empty;

    /// <summary>Where the Last Will (<c>offline</c>, retained) goes: the device's status topic.</summary>
    public required string StatusTopic { get; init; }

    /// <summary>Topics subscribed (QoS 1) after every connect, before the device announces itself.</summary>
    public IReadOnlyList<string> Subscriptions { get; init; } = [];

    /// <summary>
    /// Messages handed over but not yet acknowledged, as M2Mqtt's inflight queue on the device;
    /// <c>Publish</c> refuses past this and the core keeps the message in its own queue.
    /// </summary>
    public int InflightCapacity { get; init; } = 32;

    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(ReconnectBackoff.DefaultFirstDelayMs);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMilliseconds(ReconnectBackoff.DefaultMaxDelayMs);

    /// <summary>A connection that lasted this long starts the backoff afresh.</summary>
    public TimeSpan StableConnection { get; init; } = TimeSpan.FromMilliseconds(ReconnectBackoff.DefaultStableAfterMs);

    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Jitter for the backoff; null for a random seed.</summary>
    public IRandomSource? Random { get; init; }
}
