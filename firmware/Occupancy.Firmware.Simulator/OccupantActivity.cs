namespace Occupancy.Firmware.Simulator;

/// <summary>What the person at a desk is doing, as a presence sensor could notice it.</summary>
public enum OccupantActivity
{
    /// <summary>Nobody there.</summary>
    Absent,

    /// <summary>Sitting still (reading, thinking): a PIR sees nothing, an mmWave sensor a stationary target.</summary>
    Still,

    /// <summary>Typing, turning, gesturing: a PIR fires, an mmWave sensor sees a moving target.</summary>
    Moving,
}
