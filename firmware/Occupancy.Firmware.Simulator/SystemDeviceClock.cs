using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Simulator;

/// <summary>
/// The device clock on a PC: uptime from the monotonic timestamp (the Stopwatch, for
/// <see cref="TimeProvider.System"/>) since the device started, UTC from the same provider.
/// </summary>
public sealed class SystemDeviceClock : IDeviceClock
{
    private readonly TimeProvider _time;
    private readonly long _bootTimestamp;

    public SystemDeviceClock(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _bootTimestamp = _time.GetTimestamp();
    }

    public long UptimeMs => (long)_time.GetElapsedTime(_bootTimestamp).TotalMilliseconds;

    public long UtcNowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();
}
