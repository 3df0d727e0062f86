using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Occupancy.Testing;

namespace Occupancy.Server.Tests.Utilisation;

/// <summary>
/// One known week of usage rows for space "hq" (Europe/Berlin, UTC+1 in November), written straight into a real
/// influxd as the edge writes them (desk_usage per 5 minutes, its hourly sums in desk_usage_1h and the floor's
/// per-interval sums in site_usage), and opening hours Monday to Friday 08:00–18:00:
/// desk-101 occupied Monday 09:00–10:00 and Tuesday 09:00–09:30; desk-103 Monday 09:00–09:05; desk-102 only on
/// Saturday 10:00–11:00, when the space is closed. The expected numbers follow by hand (see the tests).
/// </summary>
public static class KnownWeek
{
    public const string Database = "occupancy";
    public const string From = "2026-11-16";
    public const string To = "2026-11-22";

    /// <summary>The settings that point a server at <paramref name="influxd"/>.</summary>
    public static Dictionary<string, string> Settings(InfluxdServer influxd) => new()
    {
        ["Influx:Url"] = influxd.BaseUri.ToString(),
        ["Influx:Database"] = Database,
    };

    public static async Task SeedAsync(InfluxdServer influxd)
    {
        await influxd.CreateDatabaseAsync(Database);
        var lines = new StringBuilder();
        var hours = new Dictionary<(string Desk, long Time), double>();
        var intervals = new Dictionary<long, double>();
        Occupied(lines, hours, intervals, "desk-101", Local(2026, 11, 16, 9, 0), minutes: 60);
        Occupied(lines, hours, intervals, "desk-101", Local(2026, 11, 17, 9, 0), minutes: 30);
        Occupied(lines, hours, intervals, "desk-103", Local(2026, 11, 16, 9, 0), minutes: 5);
        Occupied(lines, hours, intervals, "desk-102", Local(2026, 11, 21, 10, 0), minutes: 60);
        foreach (var ((desk, time), seconds) in hours)
        {
            lines.Append(CultureInfo.InvariantCulture, $"desk_usage_1h,desk={desk},floor=floor-1,site=hq,zone=quiet known_s={seconds},occupied_s={seconds} {time}\n");
        }

        foreach (var (time, seconds) in intervals)
        {
            lines.Append(CultureInfo.InvariantCulture, $"site_usage,floor=floor-1,site=hq known_s={seconds},occupied_s={seconds} {time}\n");
        }

        await influxd.WriteAsync(Database, lines.ToString(), precision: "ms");
    }

    /// <summary>Mon–Fri 08:00–18:00, through the admin API as a host would set them.</summary>
    public static async Task SetOpeningHoursAsync(HttpClient admin)
    {
        var days = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" };
        using var response = await admin.PutAsJsonAsync("/api/admin/spaces/hq", new
        {
            name = "Harbour Street",
            timeZone = "Europe/Berlin",
            openingHours = days.Select(day => new { day, opens = "08:00", closes = "18:00" }),
        });
        Assert.True(response.IsSuccessStatusCode, $"Setting opening hours answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Berlin wall-clock time in November (UTC+1).</summary>
    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(1));

    /// <summary>
    /// Whole 5-minute rows on floor-1, zone quiet, each fully occupied and known, as the edge writes a desk that stays
    /// taken, added to their desk's hour and to the floor's interval.
    /// </summary>
    private static void Occupied(StringBuilder lines, Dictionary<(string, long), double> hours, Dictionary<long, double> intervals, string desk, DateTimeOffset start, int minutes)
    {
        for (var offset = 0; offset < minutes; offset += 5)
        {
            var time = start.AddMinutes(offset).ToUnixTimeMilliseconds();
            lines.Append(CultureInfo.InvariantCulture, $"desk_usage,desk={desk},floor=floor-1,site=hq,zone=quiet known_s=300,occupied_s=300 {time}\n");
            var hour = time - (time % 3_600_000);
            hours[(desk, hour)] = hours.GetValueOrDefault((desk, hour)) + 300;
            intervals[time] = intervals.GetValueOrDefault(time) + 300;
        }
    }
}
