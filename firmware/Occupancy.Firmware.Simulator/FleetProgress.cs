using System.Globalization;

namespace Occupancy.Firmware.Simulator;

/// <summary>The progress line: simulated local time, how fast it runs, and the fleet's counters with the send rate since the last line.</summary>
internal sealed class FleetProgress(Fleet fleet)
{
    private TimeSpan _lastReal;
    private long _lastSim = fleet.Clock.NowMs;
    private long _lastSent;

    public string Line(TimeSpan real)
    {
        var stats = fleet.Stats();
        double seconds = Math.Max((real - _lastReal).TotalSeconds, 0.001);
        double speed = (fleet.Clock.NowMs - _lastSim) / 1000.0 / seconds;
        double rate = (stats.Sent - _lastSent) / seconds;
        _lastReal = real;
        _lastSim = fleet.Clock.NowMs;
        _lastSent = stats.Sent;
        return string.Create(CultureInfo.InvariantCulture, $"{fleet.LocalTime()} (x{speed:0.#}, {rate:0} msg/s) | {stats.Describe()}");
    }
}
