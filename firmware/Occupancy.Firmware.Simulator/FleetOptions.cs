using Occupancy.Firmware.Desk;

namespace Occupancy.Firmware.Simulator;

/// <summary>How the fleet reaches the broker and how fast its simulated day runs.</summary>
public sealed class FleetOptions
{
    public required string BrokerHost { get; init; }

    public required int BrokerPort { get; init; }

    /// <summary>The secret every simulated device logs in with; empty for an open broker.</summary>
    public string Secret { get; init; } = string.Empty;

    /// <summary>
    /// The desk sensors' timing. People's habits scale with it: they sit for a few
    /// <see cref="DeskSensorOptions.FreeAfterMs"/> and their coffee breaks are shorter than it.
    /// </summary>
    public DeskSensorOptions Sensor { get; init; } = new();

    /// <summary>Seeds the people's randomness so that a run can be replayed; null for a different day each run.</summary>
    public int? Seed { get; init; }

    public TimeSpan SummaryInterval { get; init; } = TimeSpan.FromSeconds(10);
}
