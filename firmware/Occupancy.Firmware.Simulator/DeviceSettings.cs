namespace Occupancy.Firmware.Simulator;

/// <summary>
/// What an installer provisions on a device: where the broker is, which site, which device,
/// its secret. The rest has defaults that match the firmware.
/// </summary>
public sealed record DeviceSettings(string BrokerHost, int BrokerPort, string Site, string DeviceId, string Secret = "")
{
    /// <summary>How often the device loop reads its inputs.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The last sequence number used, as a device keeps it in flash. Null: start from the current
    /// UTC time in milliseconds, so a restarted simulator always continues past its previous run.
    /// </summary>
    public long? LastSequence { get; init; }

    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);
}
