using System.Text.Json;

namespace Occupancy.Bench.Heatmap;

/// <summary>A space "bench" with N desks on floors of 100, in 4 zones, written as a network file the server seeds from.</summary>
internal sealed class BenchNetwork
{
    public const string TimeZone = "Europe/Berlin";
    private const int DesksPerFloor = 100;

    public BenchNetwork(int desks)
    {
        Desks = Enumerable.Range(1, desks)
            .Select(i => new BenchDesk($"desk-{i:0000}", $"floor-{(i - 1) / DesksPerFloor + 1}", $"zone-{i % 4 + 1}", (i - 1) % DesksPerFloor))
            .ToArray();
    }

    public BenchDesk[] Desks { get; }

    public void WriteTo(string path)
    {
        var floors = Desks.GroupBy(d => d.FloorId).Select(floor => new
        {
            id = floor.Key,
            name = floor.Key,
            width = 1000,
            height = 1000,
            desks = floor.Select(d => new
            {
                id = d.Id,
                label = d.Id[5..],
                x = d.Place % 10 * 100,
                y = d.Place / 10 * 100,
                width = 80,
                height = 60,
                zone = d.Zone,
                deviceId = "sensor-" + d.Id[5..],
            }),
        });
        var network = new { spaces = new[] { new { id = UsageSeeder.Site, name = "Benchmark space", timeZone = TimeZone, floors } } };
        File.WriteAllText(path, JsonSerializer.Serialize(network));
    }
}
