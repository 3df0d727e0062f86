using System.Globalization;
using System.Text.Json;
using Occupancy.Edge.Usage;
using Occupancy.Influx;

namespace Occupancy.Edge.Influx;

/// <summary>
/// Keeps the coarser usage measurements in step with desk_usage (see docs/data-model.md): desk_usage_1h, the sum of a
/// desk's 5-minute rows per hour, and site_usage, the sum of all desks of a floor per usage interval. Long heatmaps and
/// peak occupancy read those instead of every desk's 5-minute rows. After a batch of desk_usage rows is written, the
/// hours and intervals it touched are summed again from what InfluxDB holds and rewritten at the same timestamps, so
/// a late change that rewrites a 5-minute row rewrites its hour too, and a repeated refresh changes nothing.
/// Computed here rather than by a continuous query because only InfluxDB 1.x has those.
/// </summary>
public sealed class UsageAggregates(InfluxV1Client influx, string siteId, TimeSpan usageInterval)
{
    public const string HourlyMeasurement = "desk_usage_1h";
    public const string SiteMeasurement = "site_usage";
    private const long HourMs = 3_600_000;
    private readonly long _intervalMs = (long)usageInterval.TotalMilliseconds;

    /// <summary>Rewrites the hours and site intervals <paramref name="rows"/> fall in (already written to desk_usage).</summary>
    public async Task RefreshAsync(IReadOnlyCollection<UsageRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var lines = new List<string>();
        // One contiguous range per refresh: a batch covers a few hours at most while live, a day or so when catching up.
        long first = rows.Min(r => r.IntervalStartMs);
        long last = rows.Max(r => r.IntervalStartMs);
        long hourStart = first - (first % HourMs);
        long hourEnd = last - (last % HourMs) + HourMs;
        await CollectAsync(
            $"SELECT sum(\"occupied_s\"), sum(\"known_s\") FROM \"{InfluxPoints.DeskUsageMeasurement}\" WHERE {Where(hourStart, hourEnd)} GROUP BY time(1h), \"desk\", \"floor\", \"zone\" fill(none)",
            HourlyMeasurement, lines, cancellationToken);
        await CollectAsync(
            $"SELECT sum(\"occupied_s\"), sum(\"known_s\") FROM \"{InfluxPoints.DeskUsageMeasurement}\" WHERE {Where(first, last + _intervalMs)} GROUP BY time({_intervalMs / 60_000}m), \"floor\" fill(none)",
            SiteMeasurement, lines, cancellationToken);
        if (lines.Count > 0)
        {
            await influx.WriteAsync(lines, 0, lines.Count, cancellationToken);
        }
    }

    private async Task CollectAsync(string query, string measurement, List<string> lines, CancellationToken cancellationToken)
    {
        using var document = await influx.QueryJsonAsync(query, cancellationToken);
        foreach (var result in document.RootElement.GetProperty("results").EnumerateArray())
        {
            foreach (var series in result.TryGetProperty("series", out var s) ? s.EnumerateArray() : default)
            {
                var tags = series.GetProperty("tags").EnumerateObject()
                    .OrderBy(t => t.Name, StringComparer.Ordinal)
                    .Aggregate($"{measurement},site={LineProtocol.EscapeTag(siteId)}", (line, tag) => $"{line},{tag.Name}={LineProtocol.EscapeTag(tag.Value.GetString() ?? "")}");
                foreach (var row in series.GetProperty("values").EnumerateArray())
                {
                    lines.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{tags} occupied_s={Number(row[1])},known_s={Number(row[2])} {row[0].GetInt64()}"));
                }
            }
        }
    }

    private static double Number(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;

    private string Where(long startMs, long endMs) =>
        string.Create(CultureInfo.InvariantCulture, $"\"site\" = '{InfluxQl.EscapeString(siteId)}' AND time >= {startMs}ms AND time < {endMs}ms");
}
