using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Simulator;

/// <summary>
/// The fleet's time: simulated UTC in epoch ms, moved forward in steps by the fleet (as fast as
/// <c>--speed</c> allows). Every simulated device reads it through its own <see cref="IDeviceClock"/>,
/// so a week can pass in minutes with the firmware's timers (hold times, heartbeats) intact.
/// </summary>
public sealed class SimulationClock(long startUtcMs)
{
    private long _nowMs = startUtcMs;

    public long StartMs { get; } = startUtcMs;

    public long NowMs => Interlocked.Read(ref _nowMs);

    public DateTimeOffset Now => DateTimeOffset.FromUnixTimeMilliseconds(NowMs);

    public void AdvanceTo(long utcMs)
    {
        if (utcMs < NowMs)
        {
            throw new ArgumentOutOfRangeException(nameof(utcMs), "simulated time never goes back");
        }

        Interlocked.Exchange(ref _nowMs, utcMs);
    }

    /// <summary>A device clock that boots now.</summary>
    public IDeviceClock DeviceClock() => new BootedClock(this, NowMs);

    private sealed class BootedClock(SimulationClock clock, long bootMs) : IDeviceClock
    {
        public long UptimeMs => clock.NowMs - bootMs;

        public long UtcNowMs => clock.NowMs;
    }
}
