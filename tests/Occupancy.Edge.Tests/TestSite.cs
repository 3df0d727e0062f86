using Microsoft.Extensions.Logging.Abstractions;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Options;
using Occupancy.Uplink;

namespace Occupancy.Edge.Tests;

/// <summary>A small site configuration for edge tests: two desks on one floor and a door.</summary>
internal static class TestSite
{
    public const string SiteId = "test-site";

    public static SiteConfig Config { get; } = new(
        SiteId,
        "Test site",
        1,
        [
            new DeskConfig("desk-1", "floor-1", "quiet", "sensor-1"),
            new DeskConfig("desk-2", "floor-1", "team", "sensor-2"),
        ],
        [new DoorConfig("front", "reader-1")]);

    /// <summary>The secret each test device was provisioned with.</summary>
    public static string SecretOf(string deviceId) => deviceId + "-secret";

    public static EdgeOptions Options(string dataDirectory) => new() { SiteId = SiteId, DataDirectory = dataDirectory };

    public static SiteDirectory LoadedDirectory(string dataDirectory)
    {
        var directory = new SiteDirectory(Microsoft.Extensions.Options.Options.Create(Options(dataDirectory)), NullLogger<SiteDirectory>.Instance);
        directory.Apply(Config);
        return directory;
    }
}
