using Occupancy.Firmware.Desk;
using Occupancy.Firmware.Door;

namespace Occupancy.Firmware.Simulator;

/// <summary>How the fleet reaches the broker, how its devices are set up and how fast its simulated time runs.</summary>
public sealed class FleetOptions
{
    public required string BrokerHost { get; init; }

    public required int BrokerPort { get; init; }

    /// <summary>The secret every simulated device logs in with; empty for an open broker.</summary>
    public string Secret { get; init; } = string.Empty;

    /// <summary>The desk sensors' settings (each device keeps its own copy; remote config changes one).</summary>
    public DeskSensorOptions Sensor { get; init; } = new();

    /// <summary>The door readers' settings.</summary>
    public DoorReaderOptions Door { get; init; } = new();

    /// <summary>Seeds the people, the devices' randomness and who has which sensor; null for a different run each time.</summary>
    public int? Seed { get; init; }

    public FleetSchedule Schedule { get; init; } = FleetSchedule.Realistic;

    /// <summary>Simulated seconds per real second; <see cref="double.PositiveInfinity"/> runs as fast as the machine and the broker allow.</summary>
    public double Speed { get; init; } = 1;

    /// <summary>When the simulated time starts; null for now.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>How much simulated time to play; null until cancelled.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>The share of desks fitted with an LD2410 mmWave sensor instead of a PIR.</summary>
    public double MmWaveShare { get; init; } = 0.25;

    /// <summary>Simulated time between two passes of every device's loop; null: 100 ms up to 20× speed, 1 s beyond.</summary>
    public TimeSpan? Step { get; init; }

    /// <summary>Door keys are derived from this site master key (<see cref="Contract.DoorKeys.Derive"/>); null: readers get keys nobody knows and stay locked.</summary>
    public byte[]? DoorMasterKey { get; init; }

    /// <summary>
    /// Above real-time speed, how long (real time) the fleet holds simulated time so the edge can
    /// answer a pending tap before the reader's timeout passes in simulated time.
    /// </summary>
    public TimeSpan DecisionWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Where every device's sequence resumes, as if its flash held this lease. Null: the real
    /// current UTC time in ms, so a run always continues past earlier ones whatever its simulated
    /// time (a week seeded in the past must not number its messages below the demo's).
    /// </summary>
    public long? SequenceOrigin { get; init; }

    public TimeSpan SummaryInterval { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan EffectiveStep => Step ?? (Speed <= 20 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1));
}
