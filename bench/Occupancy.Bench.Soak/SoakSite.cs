using System.Text.Json;
using Occupancy.Uplink;

namespace Occupancy.Bench.Soak;

/// <summary>
/// The site of the soak: the network file the server is seeded with (floors of 500 desks, the doors spread over
/// them) and the same layout as the edge's starting configuration. Passes come from the server (<see cref="SoakServer"/>).
/// </summary>
internal static class SoakSite
{
    public const string SiteId = "soak";
    public const string SiteKey = "soak-site-key";
    public const string MasterKeyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    public const string NetworkKeyHex = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";
    public const int DesksPerFloor = 500;

    public static string DeskId(int index) => $"desk-{index + 1}";

    public static string DoorId(int index) => $"door-{index + 1}";

    public static string FloorId(int floor) => $"floor-{floor + 1}";

    public static int Floors(SoakOptions options) => (options.Desks + DesksPerFloor - 1) / DesksPerFloor;

    /// <summary>Desk number from its id ("desk-12" → 11), or -1.</summary>
    public static int DeskIndex(string deskId) =>
        deskId.StartsWith("desk-", StringComparison.Ordinal) && int.TryParse(deskId.AsSpan(5), out int n) ? n - 1 : -1;

    /// <summary>The edge's data folder: the layout it starts with (the server sends the same on connecting).</summary>
    public static void WriteEdgeData(string dataFolder, SoakOptions options)
    {
        var desks = Enumerable.Range(0, options.Desks)
            .Select(i => new DeskConfig(DeskId(i), FloorId(i / DesksPerFloor), Zone(i), SiteLoad.DeskDevice(i)))
            .ToArray();
        var doors = Enumerable.Range(0, options.Doors).Select(i => new DoorConfig(DoorId(i), SiteLoad.DoorDevice(i))).ToArray();
        File.WriteAllText(Path.Combine(dataFolder, "site-config.json"), JsonSerializer.Serialize(new SiteConfig(SiteId, "Soak site", 1, desks, doors)));
    }

    /// <summary>The server's seed (format of scripts/demo/network.json): one space, its floors, desks and doors.</summary>
    public static void WriteNetworkFile(string path, SoakOptions options)
    {
        int floors = Floors(options);
        var space = new
        {
            id = SiteId,
            name = "Soak site",
            timeZone = "Europe/Berlin",
            floors = Enumerable.Range(0, floors).Select(f => new
            {
                id = FloorId(f),
                name = $"Floor {f + 1}",
                width = 2500,
                height = 1000,
                desks = Enumerable.Range(f * DesksPerFloor, Math.Min(DesksPerFloor, options.Desks - (f * DesksPerFloor))).Select(i => new
                {
                    id = DeskId(i),
                    label = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    x = (i % 25) * 100,
                    y = (i % DesksPerFloor / 25) * 50,
                    width = 80,
                    height = 40,
                    zone = Zone(i),
                    deviceId = SiteLoad.DeskDevice(i),
                }),
            }),
            doors = Enumerable.Range(0, options.Doors).Select(i => new { id = DoorId(i), name = $"Door {i + 1}", floorId = FloorId(i % floors), deviceId = SiteLoad.DoorDevice(i) }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(new { spaces = new[] { space } }));
    }

    private static string Zone(int desk) => $"zone-{(desk / 50) + 1}";
}
