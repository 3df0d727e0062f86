using System.Globalization;
using System.Text.Json;
using Occupancy.Influx;

namespace Occupancy.Server.Utilisation;

/// <summary>
/// The server's daily roll-up of the edges' usage (docs/data-model.md, desk_usage_day and space_usage_day): one row
/// per floor (per 100 desks) per local day holding each desk's occupied seconds in each of the 24 local hours as one
/// string field, and one row per day for the space (and per floor) with the busiest interval. A 90-day heatmap of
/// 500 desks then reads 450 rows of one field instead of summing 1.08 M hourly rows: InfluxDB's cost grows with
/// series and fields read, so the desks share a row. Opening hours are not baked in: the reporter
/// applies them when it reads, so changing them needs no recount. Rows are written at the day's local midnight,
/// so computing a day again overwrites it.
/// </summary>
public sealed class DailyUsageRollup(DeskUsageReader reader, InfluxV1Client influx)
{
    public const string DeskDayMeasurement = "desk_usage_day";
    public const string SpaceDayMeasurement = "space_usage_day";
    private const int HoursPerDay = 24;
    private const int LinesPerWrite = 5_000;

    /// <summary>Desks per desk_usage_day row: 7–25 KB of text, inside InfluxDB's 64 KB limit for a string field.</summary>
    private const int DesksPerRow = 100;

    /// <summary>Rolls up every day from <paramref name="from"/> to <paramref name="to"/> from desk_usage_1h (or desk_usage) and site_usage; writes nothing.</summary>
    public async Task<DayUsage[]> ComputeAsync(string siteId, TimeZoneInfo zone, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var days = LocalDay.Range(zone, from, to);
        var usage = days.Select(d => new DayUsage(d)).ToArray();
        var start = days[0].StartMs;
        var end = days[^1].EndMs;
        // Local hours are whole UTC hours unless the zone (or one of its daylight saving changes) is off by a part of an
        // hour; then quarter hours of the 5-minute rows, since every zone's offset is a multiple of 15 minutes.
        var deskQuery = WholeHours(days)
            ? $"SELECT sum(\"occupied_s\") FROM \"{DeskUsageReader.HourlyMeasurement}\" WHERE {Where(siteId, start, end)} GROUP BY time(1h), \"desk\", \"floor\", \"zone\" fill(none)"
            : $"SELECT sum(\"occupied_s\") FROM \"{DeskUsageReader.DeskMeasurement}\" WHERE {Where(siteId, start, end)} GROUP BY time(15m), \"desk\", \"floor\", \"zone\" fill(none)";
        var siteQuery = $"SELECT sum(\"occupied_s\"), sum(\"known_s\") FROM \"{DeskUsageReader.SiteMeasurement}\" WHERE {Where(siteId, start, end)} " +
            $"GROUP BY time({(int)(reader.IntervalSeconds / 60)}m), \"floor\" fill(none)";

        var desks = AddDeskHoursAsync(deskQuery, zone, days, usage, cancellationToken);
        var sites = reader.QueryAsync(siteQuery, cancellationToken);
        await desks;
        using var siteDocument = await sites;
        var perInterval = new SortedDictionary<long, double>();
        foreach (var series in DeskUsageReader.Series(siteDocument))
        {
            var floor = Tag(series, "floor");
            foreach (var row in series.GetProperty("values").EnumerateArray())
            {
                var ms = row[0].GetInt64();
                var index = LocalDay.IndexOf(days, ms);
                if (index < 0)
                {
                    continue;
                }

                var occupied = Number(row[1]);
                var day = usage[index];
                day.SourceOccupiedSeconds += occupied;
                day.SourceKnownSeconds += Number(row[2]);
                var candidate = new IntervalPeak(ms, occupied);
                day.FloorPeaks[floor] = IntervalPeak.Busier(day.FloorPeaks.TryGetValue(floor, out var peak) ? peak : null, candidate)!.Value;
                perInterval[ms] = perInterval.GetValueOrDefault(ms) + occupied;
            }
        }

        foreach (var (ms, occupied) in perInterval)
        {
            var day = usage[LocalDay.IndexOf(days, ms)];
            day.SpacePeak = IntervalPeak.Busier(day.SpacePeak, new IntervalPeak(ms, occupied));
        }

        return usage;
    }

    /// <summary>Each day's sums of site_usage (occupied, known seconds), which change when an edge writes late rows for it.</summary>
    public async Task<Dictionary<long, (double Occupied, double Known)>> ReadSourceTotalsAsync(
        string siteId, TimeZoneInfo zone, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var days = LocalDay.Range(zone, from, to);
        var bucket = WholeHours(days) ? "1h" : "15m";
        var query = $"SELECT sum(\"occupied_s\"), sum(\"known_s\") FROM \"{DeskUsageReader.SiteMeasurement}\" WHERE {Where(siteId, days[0].StartMs, days[^1].EndMs)} GROUP BY time({bucket}) fill(none)";
        using var document = await reader.QueryAsync(query, cancellationToken);
        var totals = new Dictionary<long, (double Occupied, double Known)>();
        foreach (var row in DeskUsageReader.Series(document).SelectMany(s => s.GetProperty("values").EnumerateArray()))
        {
            var index = LocalDay.IndexOf(days, row[0].GetInt64());
            if (index >= 0)
            {
                var (occupied, known) = totals.GetValueOrDefault(days[index].StartMs);
                totals[days[index].StartMs] = (occupied + Number(row[1]), known + Number(row[2]));
            }
        }

        return totals;
    }

    /// <summary>Writes the days' rows, the space's row of each day last: once it is there, the day is complete.</summary>
    public async Task WriteAsync(string siteId, IReadOnlyCollection<DayUsage> days, CancellationToken cancellationToken)
    {
        var site = LineProtocol.EscapeTag(siteId);
        var lines = new List<string>();
        foreach (var day in days)
        {
            foreach (var floor in day.Desks.Values.GroupBy(d => d.Floor, StringComparer.Ordinal))
            {
                var desks = floor.OrderBy(d => d.Desk, StringComparer.Ordinal).ToArray();
                for (var part = 0; part * DesksPerRow < desks.Length; part++)
                {
                    var text = string.Join(';', desks.Skip(part * DesksPerRow).Take(DesksPerRow).Select(d => d.Desk + " " + FormatHours(d.Hours)));
                    lines.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{DeskDayMeasurement},floor={LineProtocol.EscapeTag(floor.Key)},part={part},site={site} desks=\"{text}\" {day.Day.StartMs}"));
                }
            }

            foreach (var (floor, peak) in day.FloorPeaks)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{SpaceDayMeasurement},floor={LineProtocol.EscapeTag(floor)},site={site} peak_s={peak.OccupiedSeconds:R},peak_at={peak.StartMs}i {day.Day.StartMs}"));
            }
        }

        await WriteLinesAsync(lines, cancellationToken);
        lines.Clear();
        foreach (var day in days)
        {
            var peak = day.SpacePeak is { } p ? string.Create(CultureInfo.InvariantCulture, $"peak_s={p.OccupiedSeconds:R},peak_at={p.StartMs}i,") : "";
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{SpaceDayMeasurement},site={site} {peak}source_occupied_s={day.SourceOccupiedSeconds:R},source_known_s={day.SourceKnownSeconds:R} {day.Day.StartMs}"));
        }

        await WriteLinesAsync(lines, cancellationToken);
    }

    /// <summary>The space's rows of the days in [<paramref name="startMs"/>, <paramref name="endMs"/>) that are complete, with each floor's peak.</summary>
    public async Task<Dictionary<long, StoredDay>> ReadDaysAsync(string siteId, long startMs, long endMs, CancellationToken cancellationToken)
    {
        var query = $"SELECT \"peak_s\", \"peak_at\", \"source_occupied_s\", \"source_known_s\" FROM \"{SpaceDayMeasurement}\" WHERE {Where(siteId, startMs, endMs)} GROUP BY \"floor\"";
        using var document = await reader.QueryAsync(query, cancellationToken);
        var days = new Dictionary<long, StoredDay>();
        var floors = new List<(string Floor, long Ms, IntervalPeak Peak)>();
        foreach (var series in DeskUsageReader.Series(document))
        {
            var floor = Tag(series, "floor");
            foreach (var row in series.GetProperty("values").EnumerateArray())
            {
                var ms = row[0].GetInt64();
                IntervalPeak? peak = row[1].ValueKind == JsonValueKind.Number && row[2].ValueKind == JsonValueKind.Number
                    ? new IntervalPeak(row[2].GetInt64(), row[1].GetDouble())
                    : null;
                if (floor.Length == 0)
                {
                    days[ms] = new StoredDay(ms, peak, Number(row[3]), Number(row[4]));
                }
                else if (peak is { } p)
                {
                    floors.Add((floor, ms, p));
                }
            }
        }

        foreach (var (floor, ms, peak) in floors)
        {
            if (days.TryGetValue(ms, out var day))
            {
                day.FloorPeaks[floor] = peak;
            }
        }

        return days;
    }

    /// <summary>Every stored desk's day in the range (of one floor): <paramref name="add"/>(desk, day start ms, occupied seconds per local hour).</summary>
    public async Task ReadDeskDaysAsync(string siteId, string? floorId, long startMs, long endMs, Action<string, long, double[]> add, CancellationToken cancellationToken)
    {
        var where = Where(siteId, startMs, endMs);
        if (floorId is not null)
        {
            where += $" AND \"floor\" = '{InfluxQl.EscapeString(floorId)}'";
        }

        using var document = await reader.QueryAsync($"SELECT \"desks\" FROM \"{DeskDayMeasurement}\" WHERE {where}", cancellationToken);
        var hours = new double[HoursPerDay];
        foreach (var row in DeskUsageReader.Series(document).SelectMany(s => s.GetProperty("values").EnumerateArray()))
        {
            if (row[1].ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var dayMs = row[0].GetInt64();
            var text = row[1].GetString().AsSpan();
            foreach (var range in text.Split(';'))
            {
                var entry = text[range];
                var space = entry.IndexOf(' ');
                if (space > 0 && TryParseHours(entry[(space + 1)..], hours))
                {
                    add(entry[..space].ToString(), dayMs, hours);
                }
            }
        }
    }

    /// <summary>The 24 hours as invariant numbers separated by spaces: "0 0 … 3600 1800 … 0".</summary>
    public static string FormatHours(double[] hours) => string.Join(' ', hours.Select(h => h.ToString("R", CultureInfo.InvariantCulture)));

    public static bool TryParseHours(ReadOnlySpan<char> span, double[] hours)
    {
        var hour = 0;
        foreach (var range in span.Split(' '))
        {
            if (hour == HoursPerDay)
            {
                return false;
            }

            // Most hours of most desks are empty: skip the number parser for them (a 90-day report reads a million hours).
            var token = span[range];
            if (token is "0")
            {
                hours[hour] = 0;
            }
            else if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out hours[hour]))
            {
                return false;
            }

            hour++;
        }

        return hour == HoursPerDay;
    }

    private async Task AddDeskHoursAsync(string query, TimeZoneInfo zone, LocalDay[] days, DayUsage[] usage, CancellationToken cancellationToken)
    {
        using var document = await reader.QueryAsync(query, cancellationToken);
        var hourOf = new Dictionary<long, int>();
        foreach (var series in DeskUsageReader.Series(document))
        {
            var (desk, floor, zoneTag) = (Tag(series, "desk"), Tag(series, "floor"), Tag(series, "zone"));
            double[]? hours = null;
            var dayIndex = -1;
            foreach (var row in series.GetProperty("values").EnumerateArray())
            {
                var ms = row[0].GetInt64();
                var index = LocalDay.IndexOf(days, ms);
                if (index < 0)
                {
                    continue;
                }

                if (index != dayIndex)
                {
                    (dayIndex, hours) = (index, usage[index].HoursOf(desk, floor, zoneTag));
                }

                if (!hourOf.TryGetValue(ms, out var hour))
                {
                    hourOf[ms] = hour = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UnixEpoch.AddMilliseconds(ms), zone).Hour;
                }

                hours![hour] += Number(row[1]);
            }
        }
    }

    private static bool WholeHours(LocalDay[] days) => days.All(d => d.StartMs % 3_600_000 == 0) && days[^1].EndMs % 3_600_000 == 0;

    private async Task WriteLinesAsync(List<string> lines, CancellationToken cancellationToken)
    {
        for (var start = 0; start < lines.Count; start += LinesPerWrite)
        {
            await influx.WriteAsync(lines, start, Math.Min(LinesPerWrite, lines.Count - start), cancellationToken);
        }
    }

    private static string Where(string siteId, long startMs, long endMs) =>
        DeskUsageReader.Where(siteId, null, DateTimeOffset.FromUnixTimeMilliseconds(startMs), DateTimeOffset.FromUnixTimeMilliseconds(endMs));

    private static string Tag(JsonElement series, string name) =>
        series.TryGetProperty("tags", out var tags) && tags.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";

    private static double Number(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;
}
