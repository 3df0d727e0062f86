using System;
using Occupancy.Firmware.Device;

namespace Occupancy.Devices
{
    /// <summary>
    /// Uptime from the system tick counter (monotonic: SNTP adjusting the wall clock must not
    /// upset the hold timers), UTC from the wall clock that SNTP keeps right.
    /// </summary>
    public sealed class DeviceClock : IDeviceClock
    {
        public long UptimeMs => Environment.TickCount64;

        public long UtcNowMs => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
    }
}
