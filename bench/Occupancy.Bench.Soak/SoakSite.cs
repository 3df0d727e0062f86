using System.Text.Json;
using Occupancy.Uplink;

namespace Occupancy.Bench.Soak;

/// <summary>The site the edge serves in the soak: its configuration, its door keys and a replica with a pass, written into the edge's data folder.</summary>
internal static class SoakSite
{
    public const string SiteId = "soak";
    public const string MasterKeyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    public const string NetworkKeyHex = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";

    public static void Write(string dataFolder, SoakOptions options)
    {
        var desks = Enumerable.Range(0, options.Desks)
            .Select(i => new DeskConfig($"desk-{i + 1}", $"floor-{(i / 500) + 1}", $"zone-{(i / 50) + 1}", SiteLoad.DeskDevice(i)))
            .ToArray();
        var doors = Enumerable.Range(0, options.Doors).Select(i => new DoorConfig($"door-{i + 1}", SiteLoad.DoorDevice(i))).ToArray();
        File.WriteAllText(Path.Combine(dataFolder, "site-config.json"), JsonSerializer.Serialize(new SiteConfig(SiteId, "Soak site", 1, desks, doors)));

        // What the server's pass sync would have delivered (AccessReplicaStore's file): every door, one member's card.
        byte[] networkKey = Convert.FromHexString(NetworkKeyHex);
        var replica = new AccessReplica(
            SiteId,
            1,
            "Europe/Berlin",
            false,
            doors.Select(d => new DoorAccess(d.DoorId, d.DeviceId, 4000, "normal", [])).ToArray(),
            [new AccessPass("pass-soak", "soak-member", [], [AccessWindow.Always], 0, long.MaxValue, false, false, false)],
            [new AccessCredential("card-soak", "soak-member", AccessCredential.Card, CredentialHashing.CardHash(networkKey, SiteLoad.CardUid), null, false)]);
        File.WriteAllText(
            Path.Combine(dataFolder, "access-replica.json"),
            JsonSerializer.Serialize(new { Replica = replica, SyncedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }));
    }
}
