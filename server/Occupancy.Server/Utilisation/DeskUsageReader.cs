using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Occupancy.Influx;

namespace Occupancy.Server.Utilisation;

/// <summary>
/// Reads the edges' usage roll-ups (exact occupied seconds, see docs/data-model.md) with InfluxQL. InfluxDB sums them
/// into the schedule's buckets, so the server receives one number per desk per bucket that has any usage
/// (fill(none)). Hourly buckets on whole UTC hours read desk_usage_1h, twelve times fewer rows than the 5-minute
/// desk_usage that finer buckets (half-hour opening times or time zones) need; peak occupancy reads site_usage, one
/// row per floor per interval instead of one per desk.
/// </summary>
public sealed class DeskUsageReader(InfluxV1Client influx, IOptions<UtilisationInfluxOptions> options)
{
    public const string DeskMeasurement = "desk_usage";
    public const string HourlyMeasurement = "desk_usage_1h";
    public const string SiteMeasurement = "site_usage";

    private readonly UtilisationInfluxOptions _options = options.Value;

    /// <summary>Length of the edges' usage intervals, in seconds.</summary>
    public double IntervalSeconds => Math.Max(60, Math.Floor(_options.UsageInterval.TotalMinutes) * 60);

    /// <summary>Occupied seconds per desk per bucket of <paramref name="schedule"/>: <paramref name="add"/>(desk, bucket start ms, seconds).</summary>
    public async Task ReadPerDeskAsync(string siteId, string? floorId, OpeningSchedule schedule, Action<string, long, double> add, CancellationToken cancellationToken)
    {
        var measurement = schedule.BucketMinutes == 60 && schedule.OffsetMinutes == 0 ? HourlyMeasurement : DeskMeasurement;
        var query = $"SELECT sum(\"occupied_s\") FROM \"{measurement}\" WHERE {Where(siteId, floorId, schedule.StartUtc, schedule.EndUtc)} " +
            $"GROUP BY time({schedule.BucketMinutes}m, {schedule.OffsetMinutes}m), \"desk\" fill(none)";
        using var document = await QueryAsync(query, cancellationToken);
        foreach (var series in Series(document))
        {
            var desk = series.GetProperty("tags").GetProperty("desk").GetString() ?? "";
            foreach (var row in series.GetProperty("values").EnumerateArray())
            {
                add(desk, row[0].GetInt64(), row[1].ValueKind == JsonValueKind.Number ? row[1].GetDouble() : 0);
            }
        }
    }

    /// <summary>Occupied seconds of all desks (of the floor) together per usage interval: the average number of desks in use in each.</summary>
    public async Task<IReadOnlyList<(long StartMs, double OccupiedSeconds)>> ReadPerIntervalAsync(
        string siteId, string? floorId, DateTimeOffset startUtc, DateTimeOffset endUtc, CancellationToken cancellationToken)
    {
        var minutes = (int)Math.Max(1, _options.UsageInterval.TotalMinutes);
        var query = $"SELECT sum(\"occupied_s\") FROM \"{SiteMeasurement}\" WHERE {Where(siteId, floorId, startUtc, endUtc)} GROUP BY time({minutes}m) fill(none)";
        using var document = await QueryAsync(query, cancellationToken);
        var rows = new List<(long, double)>();
        foreach (var series in Series(document))
        {
            foreach (var row in series.GetProperty("values").EnumerateArray())
            {
                rows.Add((row[0].GetInt64(), row[1].ValueKind == JsonValueKind.Number ? row[1].GetDouble() : 0));
            }
        }

        return rows;
    }

    internal async Task<JsonDocument> QueryAsync(string query, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.QueryTimeout);
        var document = await influx.QueryJsonAsync(query, timeout.Token);
        // influxd cuts answers longer than its max-row-limit and says so: a silently shortened sum would be wrong.
        if (Results(document).Any(r => r.TryGetProperty("partial", out var partial) && partial.ValueKind == JsonValueKind.True))
        {
            document.Dispose();
            throw new InvalidOperationException("InfluxDB returned a partial answer (its http max-row-limit is too low for this range).");
        }

        return document;
    }

    private static IEnumerable<JsonElement> Results(JsonDocument document) =>
        document.RootElement.TryGetProperty("results", out var results) ? results.EnumerateArray() : [];

    internal static IEnumerable<JsonElement> Series(JsonDocument document) =>
        Results(document).SelectMany(r => r.TryGetProperty("series", out var series) ? series.EnumerateArray() : []);

    internal static string Where(string siteId, string? floorId, DateTimeOffset startUtc, DateTimeOffset endUtc)
    {
        var where = $"\"site\" = '{InfluxQl.EscapeString(siteId)}'";
        if (floorId is not null)
        {
            where += $" AND \"floor\" = '{InfluxQl.EscapeString(floorId)}'";
        }

        return where + string.Create(CultureInfo.InvariantCulture,
            $" AND time >= {startUtc.ToUnixTimeMilliseconds()}ms AND time < {endUtc.ToUnixTimeMilliseconds()}ms");
    }
}
