using System.Text.Json;
using Occupancy.Edge.Devices;
using Occupancy.Uplink;

namespace Occupancy.Bench.TapToUnlock;

/// <summary>
/// The benchmark's site as an edge finds it in its data folder after an earlier run: the layout
/// (desks and one door), device logins and an access replica with one member whose card opens the door.
/// </summary>
internal static class BenchSite
{
    public const string SiteId = "bench";
    public const string ReaderId = "reader-1";
    public const string Card = "04a1b2c3";
    public const string DoorMasterKeyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    public const string NetworkKeyHex = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";

    public static string DeskSensor(int index) => $"sensor-{index + 1}";

    public static string SecretOf(string deviceId) => deviceId + "-bench-secret";

    public static void Prepare(string dataDirectory, int desks)
    {
        var config = new SiteConfig(
            SiteId,
            "Tap-to-unlock benchmark",
            1,
            [.. Enumerable.Range(0, desks).Select(i => new DeskConfig($"desk-{i + 1}", $"floor-{(i / 100) + 1}", "open", DeskSensor(i)))],
            [new DoorConfig("front", ReaderId)]);
        File.WriteAllText(Path.Combine(dataDirectory, "site-config.json"), JsonSerializer.Serialize(config));

        var registry = new DeviceRegistry(dataDirectory);
        foreach (string id in config.Desks.Select(d => d.DeviceId).Append(ReaderId))
        {
            registry.Provision(id, SecretOf(id));
        }

        byte[] networkKey = Convert.FromHexString(NetworkKeyHex);
        var replica = new AccessReplica(
            SiteId,
            1,
            "Europe/Berlin",
            false,
            [new DoorAccess("front", ReaderId, 4000, "normal", [])],
            [new AccessPass("pass-1", "member-1", [], [AccessWindow.Always], 0, long.MaxValue, false, false, false)],
            [new AccessCredential("card-1", "member-1", AccessCredential.Card, CredentialHashing.CardHash(networkKey, Card), null, false)]);
        File.WriteAllText(
            Path.Combine(dataDirectory, Edge.Access.AccessReplicaStore.FileName),
            JsonSerializer.Serialize(new { Replica = replica, SyncedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }));
    }
}
