using System.Collections.Concurrent;
using Occupancy.Firmware.Contract;
using Occupancy.Uplink;

namespace Occupancy.Edge.Occupancy;

/// <summary>
/// When each desk sensor was last heard from, and how often it promised to be: a sensor says its
/// heartbeat interval in every heartbeat (<see cref="HealthMessage.HeartbeatMs"/>), and one silent
/// for <see cref="SilenceFactor"/> of them is taken for gone, so its desk becomes unknown. Until a
/// sensor's first heartbeat the firmware's default interval applies. Times are the edge's own
/// (<see cref="TimeProvider"/>), never the device's clock.
/// </summary>
public sealed class DeskLiveness(TimeProvider time)
{
    public const double SilenceFactor = 2.5;

    private readonly ConcurrentDictionary<string, Watch> _sensors = new(StringComparer.Ordinal);

    /// <summary>A message of the desk's sensor arrived; <paramref name="heartbeatMs"/> is 0 unless it was a heartbeat.</summary>
    public void Heard(DeskConfig desk, long heartbeatMs = 0)
    {
        long now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var watch = _sensors.GetOrAdd(desk.DeviceId, static (_, d) => new Watch(d), desk);
        lock (watch)
        {
            watch.Desk = desk;
            watch.LastHeardMs = now;
            watch.Reported = false;
            if (heartbeatMs > 0)
            {
                watch.HeartbeatMs = heartbeatMs;
            }
        }
    }

    /// <summary>
    /// Watches the desks of a (new) layout: a desk not watched yet counts as heard now, so after a
    /// restart a sensor gets its full allowance before its desk is called unknown. Desks no longer
    /// in the layout are forgotten.
    /// </summary>
    public void WatchLayout(IEnumerable<DeskConfig> desks)
    {
        long now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var current = new HashSet<string>(StringComparer.Ordinal);
        foreach (var desk in desks)
        {
            current.Add(desk.DeviceId);
            var watch = _sensors.GetOrAdd(desk.DeviceId, static (_, seed) => new Watch(seed.Desk) { LastHeardMs = seed.Now }, new SeedArgs(desk, now));
            lock (watch)
            {
                watch.Desk = desk;
            }
        }

        foreach (string deviceId in _sensors.Keys)
        {
            if (!current.Contains(deviceId))
            {
                _sensors.TryRemove(deviceId, out _);
            }
        }
    }

    /// <summary>The desks whose sensors have been silent too long and are not yet reported as such.</summary>
    public List<DeskConfig> Silent()
    {
        long now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var silent = new List<DeskConfig>();
        foreach (var watch in _sensors.Values)
        {
            lock (watch)
            {
                if (!watch.Reported && now - watch.LastHeardMs >= (long)(SilenceFactor * watch.HeartbeatMs))
                {
                    silent.Add(watch.Desk);
                }
            }
        }

        return silent;
    }

    /// <summary>The desk's silence is recorded: it is not reported again until its sensor is heard and falls silent anew.</summary>
    public void ReportedSilent(DeskConfig desk)
    {
        if (_sensors.TryGetValue(desk.DeviceId, out var watch))
        {
            lock (watch)
            {
                watch.Reported = true;
            }
        }
    }

    private readonly record struct SeedArgs(DeskConfig Desk, long Now);

    private sealed class Watch(DeskConfig desk)
    {
        public DeskConfig Desk { get; set; } = desk;

        public long LastHeardMs { get; set; }

        public long HeartbeatMs { get; set; } = ConfigFields.DefaultHeartbeatMs;

        public bool Reported { get; set; }
    }
}
