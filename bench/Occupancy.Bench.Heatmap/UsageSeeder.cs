using System.Globalization;
using System.Text;
using Occupancy.Testing;

namespace Occupancy.Bench.Heatmap;

/// <summary>
/// Writes what the edge would have written: one desk_usage row per desk per 5 minutes, around the clock, with desks
/// busy on weekday working hours (a seeded random day per desk) and idle otherwise.
/// </summary>
internal static class UsageSeeder
{
    public const string Site = "bench";
    private const int IntervalSeconds = 300;
    private const int LinesPerWrite = 20_000;

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
        // Desk by desk keeps each write's series few and its times ordered, as influxd likes them.
        foreach (var desk in network.Desks)
        {
            var arrives = 0;
            var leaves = 0;
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
                if (++count == LinesPerWrite)
                {
                    writes.Add(influxd.WriteAsync(database, lines.ToString(), precision: "s"));
                    written += count;
                    lines.Clear();
                    count = 0;
                    if (writes.Count >= 2)
                    {
                        await Task.WhenAny(writes);
                        await Task.WhenAll(writes.Where(w => w.IsCompleted));
                        writes.RemoveAll(w => w.IsCompleted);
                    }
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
}
