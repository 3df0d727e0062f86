using Occupancy.Edge.Occupancy;
using Occupancy.Firmware.Contract;
using Occupancy.Testing;

namespace Occupancy.Edge.Tests.Influx;

/// <summary>The edge's writer against a real influxd from Debian's package.</summary>
public sealed class InfluxWriterTests(InfluxdFixture influx) : IClassFixture<InfluxdFixture>
{
    [Fact]
    public async Task DeskChange_IsWrittenWithTheDesksTagsAndTheSensorsTimestamp()
    {
        await using var edge = await TestEdge.StartAsync(influx.Server.BaseUri.ToString());
        long ts = 1_764_236_400_123;

        edge.Get<EdgeEvents>().Publish(new DeskChange("desk-2", "floor-1", "team", DeskStates.Occupied, ts, 4));

        var rows = await WaitForRowsAsync("SELECT * FROM desk_state WHERE desk = 'desk-2'");
        var row = Assert.Single(rows);
        Assert.Equal(ts, row["time"].GetInt64());
        Assert.Equal("occupied", row["state"].GetString());
        Assert.Equal(1, row["occupied"].GetInt64());
        Assert.Equal(("test-site", "floor-1", "team"), (row["site"].GetString(), row["floor"].GetString(), row["zone"].GetString()));
    }

    [Fact]
    public async Task SameChangeWrittenTwice_LeavesOnePoint()
    {
        await using var edge = await TestEdge.StartAsync(influx.Server.BaseUri.ToString());
        var change = new DeskChange("desk-1", "floor-1", "quiet", DeskStates.Free, 1_764_236_500_000, 9);

        edge.Get<EdgeEvents>().Publish(change);
        edge.Get<EdgeEvents>().Publish(change);
        edge.Get<EdgeEvents>().Publish(change with { DeskId = "desk-1", TimestampMs = change.TimestampMs + 1 });

        var rows = await WaitForRowsAsync("SELECT * FROM desk_state WHERE desk = 'desk-1' AND time >= 1764236500000ms AND time <= 1764236500001ms", expected: 2);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task WriteThatCanNeverSucceed_IsMovedToTheDeadLetterFileWithTheReason()
    {
        await using var edge = await TestEdge.StartAsync(influx.Server.BaseUri.ToString());
        var events = edge.Get<EdgeEvents>();
        // "state" is a string field; an integer in the same field is a type conflict that no retry can fix.
        events.Publish(new DeskChange("desk-1", "floor-1", "quiet", DeskStates.Occupied, 1_764_236_600_000, 1));
        await WaitForRowsAsync("SELECT * FROM desk_state WHERE time = 1764236600000ms");
        events.InfluxLines.Writer.TryWrite("desk_state,desk=desk-1,floor=floor-1,site=test-site,zone=quiet state=3i 1764236600001");
        string deadLetter = Path.Combine(edge.DataDirectory, "influx-dead-letter.txt");

        string content = "";
        await Eventually.Until(
            () => File.Exists(deadLetter) && (content = File.ReadAllText(deadLetter)).Contains("state=3i"),
            TimeSpan.FromSeconds(10),
            "the conflicting point is in the dead-letter file");

        Assert.Contains("400", content);
        Assert.Contains("field type conflict", content);
    }

    private async Task<IReadOnlyList<IReadOnlyDictionary<string, System.Text.Json.JsonElement>>> WaitForRowsAsync(string query, int expected = 1)
    {
        IReadOnlyList<IReadOnlyDictionary<string, System.Text.Json.JsonElement>> rows = [];
        await Eventually.Until(
            async () => (rows = await influx.Server.QueryRowsAsync("edge_tests", query, "ms")).Count >= expected,
            TimeSpan.FromSeconds(10),
            $"InfluxDB to answer '{query}' with {expected} row(s)");
        return rows;
    }
}
