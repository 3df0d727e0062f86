namespace Occupancy.Firmware.Device
{
    /// <summary>What the board can tell about itself for the heartbeat. Boards without a reading return false.</summary>
    public interface IBoardHealth
    {
        /// <summary>Wi-Fi signal strength in dBm (e.g. −61).</summary>
        bool TryReadRssi(out int dbm);

        /// <summary>Battery or supply voltage in millivolts, on boards that measure it.</summary>
        bool TryReadSupplyMillivolts(out int millivolts);
    }
}
