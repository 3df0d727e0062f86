namespace Occupancy.Edge.Occupancy;

/// <summary>
/// A device's heartbeat: how long it has run, its link and supply, and what its offline queue
/// did. <see cref="RssiDbm"/> and <see cref="SupplyMv"/> are null when the board cannot measure them.
/// </summary>
public sealed record DeviceHealthEvent(
    string Kind,
    string DeviceId,
    long UptimeS,
    int? RssiDbm,
    int? SupplyMv,
    long Reconnects,
    long Dropped,
    long Queued,
    string Firmware,
    long TimestampMs,
    long Seq) : EdgeEvent;
