namespace Occupancy.Firmware.Device
{
    /// <summary>Time as the device logic sees it, so tests can drive it without sleeping.</summary>
    public interface IDeviceClock
    {
        /// <summary>Milliseconds since boot; never goes back, used for debouncing and timers.</summary>
        long UptimeMs { get; }

        /// <summary>UTC wall-clock time in epoch milliseconds (after SNTP), stamped on messages.</summary>
        long UtcNowMs { get; }
    }
}
