using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Occupancy.Bench.Heatmap;
using Occupancy.Testing;

// The utilisation API over a long range of a large space: influxd holds the edge's 5-minute desk_usage rows for
// every desk around the clock, with their hourly (desk_usage_1h) and per-floor (site_usage) sums; the server
// answers GET /api/spaces/bench/utilisation (both heatmaps, floors, zones, peak, never/rarely used) within opening hours Mon–Fri 08:00–20:00. Prints each timed request and the median.
var options = HeatmapOptions.Parse(args);
const string database = "occupancy";
Console.WriteLine($"Heatmap benchmark: {options.Desks} desks, {options.Days} days of 5-minute desk_usage rows, {options.Runs} timed request(s)");
Console.WriteLine($"Machine: {MachineInfo.Describe()}");

await using var influxd = await InfluxdServer.StartAsync();
await influxd.CreateDatabaseAsync(database);
var network = new BenchNetwork(options.Desks);
var networkFile = Path.Combine(influxd.DataFolder, "network.json");
network.WriteTo(networkFile);

var lastDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
var firstDay = lastDay.AddDays(1 - options.Days);
var seeding = Stopwatch.StartNew();
var rows = await UsageSeeder.SeedAsync(influxd, database, network, firstDay, options.Days);
Console.WriteLine($"Seeded {rows:N0} rows (desk_usage, desk_usage_1h, site_usage) in {seeding.Elapsed.TotalSeconds:F0} s ({rows / seeding.Elapsed.TotalSeconds:N0} rows/s)");

await using var server = await ServerRunner.StartAsync(networkFile, influxd.BaseUri, database);
var weekdays = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" };
using (var hours = await server.Http.PutAsJsonAsync("/api/admin/spaces/bench", new
       {
           name = "Benchmark space",
           timeZone = BenchNetwork.TimeZone,
           openingHours = weekdays.Select(day => new { day, opens = "08:00", closes = "20:00" }),
       }))
{
    hours.EnsureSuccessStatusCode();
}

var url = string.Create(CultureInfo.InvariantCulture, $"/api/spaces/bench/utilisation?from={firstDay:yyyy-MM-dd}&to={lastDay:yyyy-MM-dd}");
Console.WriteLine($"GET {url}");
var timings = new List<double>();
for (var run = 0; run <= options.Runs; run++)
{
    var watch = Stopwatch.StartNew();
    using var response = await server.Http.GetAsync(url);
    var body = await response.Content.ReadAsByteArrayAsync();
    watch.Stop();
    response.EnsureSuccessStatusCode();
    var label = run == 0 ? "first (cold)" : $"run {run}";
    Console.WriteLine($"  {label,-13} {watch.Elapsed.TotalMilliseconds,8:F0} ms  {body.Length / 1024.0,8:F0} KiB");
    if (run > 0)
    {
        timings.Add(watch.Elapsed.TotalMilliseconds);
    }
}

var sorted = timings.Order().ToArray();
var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
Console.WriteLine($"Median {median:F0} ms, slowest {sorted[^1]:F0} ms for {options.Days} days × {options.Desks} desks (target: under 1,000 ms)");
return 0;
