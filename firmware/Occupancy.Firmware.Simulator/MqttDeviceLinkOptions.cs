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

    /// <summary>Messages waiting for the broker; <c>Publish</c> returns false past this, as M2Mqtt's inflight queue does.</summary>
    public int QueueCapacity { get; init; } = 256;

    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
