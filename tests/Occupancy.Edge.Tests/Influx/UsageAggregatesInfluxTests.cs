using System.Text.Json;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Outbox;
using Occupancy.Firmware.Contract;
using Occupancy.Testing;

namespace Occupancy.Edge.Tests.Influx;

/// <summary>
/// The hourly and per-floor usage the edge keeps next to desk_usage, read back from a real influxd: desk-1 taken from
/// 0:10 to 0:40 of an hour three hours ago, desk-2 from 0:20 to 0:25, both unknown before their first change.
/// </summary>
public sealed class UsageAggregatesInfluxTests(InfluxdFixture influx) : IClassFixture<InfluxdFixture>
{
    private const long Minute = 60_000;
    private static readonly long Hour = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - (3 * 60 * Minute)) / (60 * Minute) * (60 * Minute);

    [Fact]
    public async Task HourlyRows_HoldEachDesksExactOccupiedAndKnownSecondsOfTheHour()
    {
        await using var edge = await StartEdgeWithTwoDesksAsync("aggregates_hourly");

        var hour = await WaitForAsync("aggregates_hourly", $"SELECT * FROM desk_usage_1h WHERE time = {Hour}ms", rows => rows.Count == 2);
        var desk1 = hour.Single(r => r["desk"].GetString() == "desk-1");
        var desk2 = hour.Single(r => r["desk"].GetString() == "desk-2");
        Assert.Equal((1800.0, 3000.0), (desk1["occupied_s"].GetDouble(), desk1["known_s"].GetDouble()));
        Assert.Equal((300.0, 2400.0), (desk2["occupied_s"].GetDouble(), desk2["known_s"].GetDouble()));
        Assert.Equal(("test-site", "floor-1", "quiet"), (desk1["site"].GetString(), desk1["floor"].GetString(), desk1["zone"].GetString()));
        var next = await WaitForAsync("aggregates_hourly", $"SELECT * FROM desk_usage_1h WHERE desk = 'desk-1' AND time = {Hour + (60 * Minute)}ms", rows => rows.Count == 1);
        Assert.Equal((0.0, 3600.0), (next[0]["occupied_s"].GetDouble(), next[0]["known_s"].GetDouble()));
    }

    [Fact]
    public async Task SiteRows_SumAllDesksOfTheFloorPerInterval_AndFollowADeskReportedLate()
    {
        await using var edge = await StartEdgeWithTwoDesksAsync("aggregates_site");
        var at = Hour + (20 * Minute);
        await WaitForAsync("aggregates_site", $"SELECT * FROM site_usage WHERE time = {at}ms", rows => rows.Count == 1 && rows[0]["occupied_s"].GetDouble() == 600);

        var outbox = edge.Get<OutboxLog>();
        outbox.Append(new DeskChange("desk-3", "floor-1", "team", DeskStates.Occupied, at, 1));
        outbox.Append(new DeskChange("desk-3", "floor-1", "team", DeskStates.Free, at + (5 * Minute), 2));

        var row = await WaitForAsync("aggregates_site", $"SELECT * FROM site_usage WHERE time = {at}ms", rows => rows.Count == 1 && rows[0]["occupied_s"].GetDouble() == 900);
        Assert.Equal(("test-site", "floor-1", 900.0), (row[0]["site"].GetString(), row[0]["floor"].GetString(), row[0]["known_s"].GetDouble()));
    }

    private async Task<TestEdge> StartEdgeWithTwoDesksAsync(string database)
    {
        var edge = await TestEdge.StartAsync(influx.Server.BaseUri.ToString(), settings: new Dictionary<string, string?>
        {
            ["Influx:Database"] = database,
            ["Edge:HttpPort"] = "0",
        });
        var outbox = edge.Get<OutboxLog>();
        outbox.Append(new DeskChange("desk-1", "floor-1", "quiet", DeskStates.Occupied, Hour + (10 * Minute), 1));
        outbox.Append(new DeskChange("desk-2", "floor-1", "quiet", DeskStates.Occupied, Hour + (20 * Minute), 1));
        outbox.Append(new DeskChange("desk-2", "floor-1", "quiet", DeskStates.Free, Hour + (25 * Minute), 2));
        outbox.Append(new DeskChange("desk-1", "floor-1", "quiet", DeskStates.Free, Hour + (40 * Minute), 2));
        return edge;
    }

    private async Task<IReadOnlyList<IReadOnlyDictionary<string, JsonElement>>> WaitForAsync(
        string database, string query, Func<IReadOnlyList<IReadOnlyDictionary<string, JsonElement>>, bool> done)
    {
        IReadOnlyList<IReadOnlyDictionary<string, JsonElement>> rows = [];
        await Eventually.Until(
            async () => done(rows = await influx.Server.QueryRowsAsync(database, query, "ms")),
            TimeSpan.FromSeconds(15),
            $"InfluxDB to answer '{query}' as expected");
        return rows;
    }
}
