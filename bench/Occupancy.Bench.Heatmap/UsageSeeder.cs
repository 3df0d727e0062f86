using System.Globalization;
using System.Text;
using Occupancy.Testing;

namespace Occupancy.Bench.Heatmap;

/// <summary>
/// Writes what the edge would have written: one desk_usage row per desk per 5 minutes, around the clock, with desks
/// busy on weekday working hours (a seeded random day per desk) and idle otherwise; each desk's hourly sums
/// (desk_usage_1h) and each floor's sum per 5 minutes (site_usage), as the edge keeps them next to desk_usage.
/// </summary>
internal static class UsageSeeder
{
    public const string Site = "bench";
    private const int IntervalSeconds = 300;
    private const int LinesPerWrite = 20_000;
    private const int IntervalsPerHour = 3600 / IntervalSeconds;

    public static async Task<long> SeedAsync(InfluxdServer influxd, string database, BenchNetwork network, DateOnly firstDay, int days)
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById(BenchNetwork.TimeZone);
        var start = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(firstDay.ToDateTime(TimeOnly.MinValue), berlin)).ToUnixTimeSeconds();
        var intervals = days * 24 * 3600 / IntervalSeconds;
        var random = new Random(42);
        long written = 0;
        var writes = new List<Task>();
        var lines = new StringBuilder();
        var count = 0;
        var floors = new Dictionary<string, double[]>(StringComparer.Ordinal);
        // Desk by desk keeps each write's series few and its times ordered, as influxd likes them.
        foreach (var desk in network.Desks)
        {
            var arrives = 0;
            var leaves = 0;
            double hourOccupied = 0;
            if (!floors.TryGetValue(desk.FloorId, out var floorOccupied))
            {
                floors[desk.FloorId] = floorOccupied = new double[intervals];
            }

            for (var i = 0; i < intervals; i++)
            {
                var time = start + (long)i * IntervalSeconds;
                var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UnixEpoch.AddSeconds(time), berlin);
                var minute = local.Hour * 60 + local.Minute;
                if (minute == 0)
                {
                    var workday = local.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday && random.NextDouble() < 0.7;
                    arrives = workday ? random.Next(7 * 60, 10 * 60) : -1;
                    leaves = workday ? arrives + random.Next(4 * 60, 9 * 60) : -1;
                }

                double occupied = arrives >= 0 && minute >= arrives && minute < leaves ? IntervalSeconds - (random.Next(4) == 0 ? random.Next(60, 240) : 0) : 0;
                lines.Append(CultureInfo.InvariantCulture,
                    $"desk_usage,desk={desk.Id},floor={desk.FloorId},site={Site},zone={desk.Zone} known_s={IntervalSeconds},occupied_s={occupied} {time}\n");
                count++;
                floorOccupied[i] += occupied;
                hourOccupied += occupied;
                // The first interval is at local midnight, a whole UTC hour in Europe/Berlin: hours close every twelve.
                if ((i + 1) % IntervalsPerHour == 0)
                {
                    var hour = time - ((IntervalsPerHour - 1) * IntervalSeconds);
                    lines.Append(CultureInfo.InvariantCulture,
                        $"desk_usage_1h,desk={desk.Id},floor={desk.FloorId},site={Site},zone={desk.Zone} known_s={IntervalSeconds * IntervalsPerHour},occupied_s={hourOccupied} {hour}\n");
                    count++;
                    hourOccupied = 0;
                }

                if (count >= LinesPerWrite)
                {
                    (written, count) = (written + count, 0);
                    await WriteAsync(influxd, database, lines, writes);
                }
            }
        }

        foreach (var (floor, occupied) in floors)
        {
            var desks = network.Desks.Count(d => d.FloorId == floor);
            for (var i = 0; i < intervals; i++)
            {
                lines.Append(CultureInfo.InvariantCulture,
                    $"site_usage,floor={floor},site={Site} known_s={IntervalSeconds * desks},occupied_s={occupied[i]} {start + ((long)i * IntervalSeconds)}\n");
                if (++count >= LinesPerWrite)
                {
                    (written, count) = (written + count, 0);
                    await WriteAsync(influxd, database, lines, writes);
                }
            }
        }

        if (count > 0)
        {
            writes.Add(influxd.WriteAsync(database, lines.ToString(), precision: "s"));
            written += count;
        }

        await Task.WhenAll(writes);
        return written;
    }

    /// <summary>Sends the lines gathered so far with at most two writes in flight.</summary>
    private static async Task WriteAsync(InfluxdServer influxd, string database, StringBuilder lines, List<Task> writes)
    {
        writes.Add(influxd.WriteAsync(database, lines.ToString(), precision: "s"));
        lines.Clear();
        if (writes.Count >= 2)
        {
            await Task.WhenAny(writes);
            await Task.WhenAll(writes.Where(w => w.IsCompleted));
            writes.RemoveAll(w => w.IsCompleted);
        }
    }
}
