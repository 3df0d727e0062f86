using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Simulator;

/// <summary>
/// What a simulated board measures for its heartbeat: a Wi-Fi signal that wanders around the
/// device's spot in the room, and (battery-powered desk sensors only) a slowly falling supply.
/// </summary>
internal sealed class SimulatedBoard(IRandomSource random, IDeviceClock clock, bool battery) : IBoardHealth
{
    private readonly int _baseRssi = -50 - random.Next(30);

    public bool TryReadRssi(out int dbm)
    {
        dbm = _baseRssi + random.Next(7) - 3;
        return true;
    }

    public bool TryReadSupplyMillivolts(out int millivolts)
    {
        // Two AA lithium cells: about 3.3 V, losing a few mV a day.
        millivolts = battery ? 3300 - (int)(clock.UptimeMs / 86_400_000 * 3) - random.Next(5) : 0;
        return battery;
    }
}
