using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Core.Tests.Fakes;

/// <summary>A device clock the test moves forward; UTC moves with uptime.</summary>
public sealed class FakeClock : IDeviceClock
{
    public const long BootUtcMs = 1767225600000; // 2026-01-01T00:00:00Z

    public long UptimeMs { get; private set; }

    public long UtcNowMs => BootUtcMs + UptimeMs;

    public void Advance(long ms) => UptimeMs += ms;
}
