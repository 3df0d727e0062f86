using Occupancy.Uplink;

namespace Occupancy.Edge.Tests;

/// <summary>A site with many desk sensors (sensor-1 … sensor-N on desk-1 … desk-N), for streams of events.</summary>
internal static class StreamSite
{
    public static SiteConfig WithDesks(int count) => new(
        TestSite.SiteId,
        "Stream test site",
        1,
        [.. Enumerable.Range(1, count).Select(i => new DeskConfig($"desk-{i}", "floor-1", i % 2 == 0 ? "team" : "quiet", $"sensor-{i}"))],
        [new DoorConfig("front", "reader-1")]);
}
