namespace Occupancy.Edge.Occupancy;

/// <summary>
/// Something the edge accepted from a device and must not lose: it is recorded in the outbox
/// before the device is acknowledged, then shipped to InfluxDB and the server from there.
/// </summary>
public abstract record EdgeEvent
{
    /// <summary>When it happened, by the device's clock, in epoch milliseconds.</summary>
    public abstract long TimestampMs { get; init; }
}
