using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Core.Tests.Fakes;

/// <summary>A board that reports the RSSI and supply voltage a test sets (null: not measured).</summary>
public sealed class FakeBoard : IBoardHealth
{
    public int? Rssi { get; set; }

    public int? SupplyMv { get; set; }

    public bool TryReadRssi(out int dbm)
    {
        dbm = Rssi ?? 0;
        return Rssi.HasValue;
    }

    public bool TryReadSupplyMillivolts(out int millivolts)
    {
        millivolts = SupplyMv ?? 0;
        return SupplyMv.HasValue;
    }
}
