namespace Occupancy.Firmware.Simulator.Day;

/// <summary>What the simulated member's pass is meant to be; the edge decides, from its own replica.</summary>
public enum PassStatus
{
    Valid,
    Expired,
    Revoked,
}
