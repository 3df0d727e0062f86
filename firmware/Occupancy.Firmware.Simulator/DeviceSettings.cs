using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Simulator;

/// <summary>
/// What an installer provisions on a device: where the broker is, which site, which device,
/// its secret (and a door reader's key). The rest has defaults that match the firmware.
/// </summary>
public sealed record DeviceSettings(string BrokerHost, int BrokerPort, string Site, string DeviceId, string Secret = "")
{
    /// <summary>How often the device loop runs when the device polls itself (<see cref="SelfPolling"/>).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The sequence lease a device keeps in flash. Null: start from the current UTC time in
    /// milliseconds, so a restarted simulator always continues past its previous run.
    /// </summary>
    public long? LastSequence { get; init; }

    /// <summary>The flash the sequence lease lives in; null for a fresh one starting at <see cref="LastSequence"/>.</summary>
    public ISequenceStore? SequenceStore { get; init; }

    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(ReconnectBackoff.DefaultFirstDelayMs);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMilliseconds(ReconnectBackoff.DefaultMaxDelayMs);

    /// <summary>The core's offline queue.</summary>
    public int QueueCapacity { get; init; } = DeviceRuntime.DefaultQueueCapacity;

    /// <summary>The device's clock; null for real time. The fleet gives every device its simulated clock.</summary>
    public IDeviceClock? Clock { get; init; }

    /// <summary>True: the device runs its own loop every <see cref="PollInterval"/>. False: the owner calls <see cref="SimulatedDevice.Step"/>.</summary>
    public bool SelfPolling { get; init; } = true;

    /// <summary>Seeds the device's randomness (nonces, jitter, radio noise); null for a random seed.</summary>
    public int? Seed { get; init; }

    /// <summary>Desk sensors: the presence sensor fitted.</summary>
    public PresenceSensorKind PresenceSensor { get; init; } = PresenceSensorKind.Pir;

    /// <summary>Door readers: the key unlock commands are verified with (at least 16 bytes). Null: a reader that cannot verify anything stays locked.</summary>
    public byte[]? DoorKey { get; init; }

    /// <summary>The firmware version in <c>fw</c>.</summary>
    public string Firmware { get; init; } = FirmwareVersion.Current;
}
