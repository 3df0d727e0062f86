using Occupancy.Firmware.Contract;

namespace Occupancy.Edge.Usage;

/// <summary>Desk states as the roll-up counts them: unknown time is neither occupied nor free.</summary>
public static class UsageStates
{
    public const byte Free = 0;
    public const byte Occupied = 1;
    public const byte Unknown = 2;

    public static byte Of(string state) => state switch
    {
        DeskStates.Occupied => Occupied,
        DeskStates.Free => Free,
        _ => Unknown,
    };

    /// <summary>Occupied and known milliseconds of <paramref name="durationMs"/> spent in <paramref name="state"/>.</summary>
    public static (long OccupiedMs, long KnownMs) Contribution(byte state, long durationMs) => state switch
    {
        Occupied => (durationMs, durationMs),
        Free => (0, durationMs),
        _ => (0, 0),
    };
}
