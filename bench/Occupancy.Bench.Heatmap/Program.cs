using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Occupancy.Bench.Common;
using Occupancy.Bench.Heatmap;
using Occupancy.Testing;

// The utilisation API over long ranges of a large space, with data as it arrives in production: influxd holds the
// edge's 5-minute desk_usage rows for every desk around the clock, with their hourly (desk_usage_1h) and per-floor
// (site_usage) sums; the server, started from its build output, rolls the closed days up in the background
// (desk_usage_day, space_usage_day) as it does in production, and the bench waits for that. Then it times
// GET /api/spaces/bench/utilisation (both heatmaps, floors, zones, peak, never/rarely used) within opening hours
// Mon–Fri 08:00–20:00 for 7, 30 and 90 days: every request asks for a range no request asked for before (each run
// ends a day earlier), and the server keeps no reports, so each one is a cold query.
var options = HeatmapOptions.Parse(args);
const string database = "occupancy";
Console.WriteLine($"Heatmap benchmark: {options.Desks} desks, {options.SeededDays} days of history, ranges of {string.Join("/", options.Ranges)} days, {options.Runs} cold request(s) each");
Console.WriteLine($"Machine: {MachineInfo.Describe()}");

// A quiet shard's cache goes to disk after 10 minutes without writes (influxd's default); the past days a report
// reads have long been quiet in production, so the bench lets them settle after 5 s instead of waiting 10 minutes.
await using var influxd = await InfluxdServer.StartAsync(settings: new Dictionary<string, string> { ["INFLUXDB_DATA_CACHE_SNAPSHOT_WRITE_COLD_DURATION"] = "5s" });
await influxd.CreateDatabaseAsync(database);
var network = new BenchNetwork(options.Desks);
var networkFile = Path.Combine(influxd.DataFolder, "network.json");
network.WriteTo(networkFile);

// Two days back, so the last day is closed in the space's time zone whatever the hour.
var lastDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);
var firstDay = lastDay.AddDays(1 - options.SeededDays);
var seeding = Stopwatch.StartNew();
var rows = await UsageSeeder.SeedAsync(influxd, database, network, firstDay, options.SeededDays);
Console.WriteLine($"Seeded {rows:N0} rows (desk_usage, desk_usage_1h, site_usage) in {seeding.Elapsed.TotalSeconds:F0} s ({rows / seeding.Elapsed.TotalSeconds:N0} rows/s)");

var rollingUp = Stopwatch.StartNew();
// Its background roll-up looks back from yesterday: two days more than the history reach the first seeded day.
await using var server = await ServerRunner.StartAsync(networkFile, influxd.BaseUri, database, options.SeededDays + 2);
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

await Eventually.Until(async () => await StoredDaysAsync() >= options.SeededDays, TimeSpan.FromMinutes(30), "the server rolls up every seeded day");
Console.WriteLine($"The server's background roll-up stored {options.SeededDays} days in {rollingUp.Elapsed.TotalSeconds:F0} s (from its start)");
await Task.Delay(TimeSpan.FromSeconds(15));

foreach (var days in options.Ranges)
{
    var timings = new List<double>();
    var cpu = new List<(double Server, double Influxd)>();
    for (var run = 0; run < options.Runs; run++)
    {
        var to = lastDay.AddDays(-run);
        var url = string.Create(CultureInfo.InvariantCulture, $"/api/spaces/bench/utilisation?from={to.AddDays(1 - days):yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        var (serverBefore, influxdBefore) = (ProcStat.CpuMilliseconds(server.ProcessId), ProcStat.CpuMilliseconds(influxd.ProcessId));
        var watch = Stopwatch.StartNew();
        using var response = await server.Http.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        response.EnsureSuccessStatusCode();
        cpu.Add((ProcStat.CpuMilliseconds(server.ProcessId) - serverBefore, ProcStat.CpuMilliseconds(influxd.ProcessId) - influxdBefore));
        Console.WriteLine($"  {days,2} days, run {run + 1}: {watch.Elapsed.TotalMilliseconds,7:F0} ms  (CPU: server {cpu[^1].Server,5:F0} ms, influxd {cpu[^1].Influxd,5:F0} ms)  {body.Length / 1024.0,5:F0} KiB  GET {url}");
        timings.Add(watch.Elapsed.TotalMilliseconds);
    }

    Console.WriteLine($"{days} days × {options.Desks} desks: first {timings[0]:F0} ms, median {Median(timings):F0} ms, slowest {timings.Max():F0} ms; " +
                      $"CPU per request (median): server {Median(cpu.Select(c => c.Server)):F0} ms, influxd {Median(cpu.Select(c => c.Influxd)):F0} ms (target for 90 days: under 1,000 ms)");
}

Console.WriteLine($"Load average now: {File.ReadAllText("/proc/loadavg").Trim()}");
return 0;

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

async Task<long> StoredDaysAsync()
{
    // Only the space's own row of a day has source_known_s: it is written last, once the day's desk rows are in.
    var berlin = TimeZoneInfo.FindSystemTimeZoneById(BenchNetwork.TimeZone);
    var from = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(firstDay.ToDateTime(TimeOnly.MinValue), berlin)).ToUnixTimeMilliseconds();
    var to = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), berlin)).ToUnixTimeMilliseconds();
    var json = await influxd.QueryAsync(database,
        $"SELECT count(\"source_known_s\") FROM \"space_usage_day\" WHERE \"site\" = '{UsageSeeder.Site}' AND time >= {from}ms AND time < {to}ms");
    using var document = JsonDocument.Parse(json);
    var result = document.RootElement.GetProperty("results")[0];
    return result.TryGetProperty("series", out var series) ? series[0].GetProperty("values")[0][1].GetInt64() : 0;
}
