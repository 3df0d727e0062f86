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

    /// <summary>The network key the test edges hash card numbers with (Access:NetworkKey).</summary>
    public const string NetworkKeyHex = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";

    /// <summary>Access rules with one door, "front" on reader-1, that Ada's card 04a1b2c3 opens at any time.</summary>
    public static AccessReplica CardReplica() => new(
        SiteId,
        1,
        "Europe/Berlin",
        false,
        [new DoorAccess("front", "reader-1", 4000, "normal", [])],
        [new AccessPass("pass-ada", "ada", [], [AccessWindow.Always], 0, long.MaxValue, false, false, false)],
        [new AccessCredential("card-ada", "ada", AccessCredential.Card, CredentialHashing.CardHash(Convert.FromHexString(NetworkKeyHex), "04a1b2c3"), null, false)]);

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
