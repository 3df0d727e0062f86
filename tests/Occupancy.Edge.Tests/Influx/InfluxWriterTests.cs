using Occupancy.Edge.Influx;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Outbox;
using Occupancy.Firmware.Contract;
using Occupancy.Testing;

namespace Occupancy.Edge.Tests.Influx;

/// <summary>The edge's writer, draining the real outbox into a real influxd from Debian's package.</summary>
public sealed class InfluxWriterTests(InfluxdFixture influx) : IClassFixture<InfluxdFixture>
{
    private static readonly long Now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    [Fact]
    public async Task DeskChange_IsWrittenWithTheDesksTagsAndTheSensorsTimestamp()
    {
        await using var edge = await StartEdgeAsync("writer_tags");
        long ts = Now - 60_000 + 123;

        edge.Get<OutboxLog>().Append(new DeskChange("desk-2", "floor-1", "team", DeskStates.Occupied, ts, 4));

        var rows = await WaitForRowsAsync("writer_tags", "SELECT * FROM desk_state WHERE desk = 'desk-2'");
        var row = Assert.Single(rows);
        Assert.Equal(ts, row["time"].GetInt64());
        Assert.Equal("occupied", row["state"].GetString());
        Assert.Equal(1, row["occupied"].GetInt64());
        Assert.Equal(("test-site", "floor-1", "team"), (row["site"].GetString(), row["floor"].GetString(), row["zone"].GetString()));
    }

    [Fact]
    public async Task SameChangeRecordedTwice_LeavesOnePoint()
    {
        await using var edge = await StartEdgeAsync("writer_twice");
        var change = new DeskChange("desk-1", "floor-1", "quiet", DeskStates.Free, Now - 50_000, 9);
        var outbox = edge.Get<OutboxLog>();

        outbox.Append(change);
        outbox.Append(change);
        outbox.Append(change with { TimestampMs = change.TimestampMs + 1 });

        await WaitForRowsAsync("writer_twice", "SELECT * FROM desk_state", expected: 2);
        await Eventually.Until(() => edge.Get<OutboxLog>().Consumer(OutboxConsumers.Influx).Position == 3, TimeSpan.FromSeconds(10), "the writer passed all three records");
        Assert.Equal(2, (await influx.Server.QueryRowsAsync("writer_twice", "SELECT * FROM desk_state")).Count);
    }

    [Fact]
    public async Task PointThatCanNeverBeWritten_AloneGoesToTheDeadLetterFileWithTheReason()
    {
        await influx.Server.CreateDatabaseAsync("writer_dead");
        // "occupied" already holds strings in this shard: the edge's integer is a type conflict no retry can fix.
        await influx.Server.WriteAsync("writer_dead", $"desk_state,desk=desk-9,floor=floor-1,site=test-site,zone=quiet occupied=\"yes\" {Now - 40_000}", "ms");
        await using var edge = await StartEdgeAsync("writer_dead");
        var outbox = edge.Get<OutboxLog>();

        outbox.Append(new DeskChange("desk-1", "floor-1", "quiet", DeskStates.Occupied, Now - 30_000, 1));
        outbox.Append(new DoorContactEvent("front", true, Now - 29_000, 1));
        outbox.Append(new DeskChange("desk-2", "floor-1", "team", DeskStates.Unknown, Now - 28_000, 1));

        string deadLetter = Path.Combine(edge.DataDirectory, DeadLetterFile.FileName);
        string content = "";
        await Eventually.Until(
            () => File.Exists(deadLetter) && (content = File.ReadAllText(deadLetter)).Contains("desk=desk-1"),
            TimeSpan.FromSeconds(20),
            "the conflicting point is in the dead-letter file");
        await Eventually.Until(() => outbox.Consumer(OutboxConsumers.Influx).Position == 3, TimeSpan.FromSeconds(10), "the writer moved past the batch");
        Assert.Contains("field type conflict", content);
        Assert.DoesNotContain("door=front", content);
        Assert.Single(await influx.Server.QueryRowsAsync("writer_dead", "SELECT * FROM door_contact"));
        Assert.Single(await influx.Server.QueryRowsAsync("writer_dead", "SELECT * FROM desk_state WHERE desk = 'desk-2'"));
    }

    private Task<TestEdge> StartEdgeAsync(string database) =>
        TestEdge.StartAsync(influx.Server.BaseUri.ToString(), settings: new Dictionary<string, string?>
        {
            ["Influx:Database"] = database,
            ["Edge:HttpPort"] = "0",
        });

    private async Task<IReadOnlyList<IReadOnlyDictionary<string, System.Text.Json.JsonElement>>> WaitForRowsAsync(string database, string query, int expected = 1)
    {
        IReadOnlyList<IReadOnlyDictionary<string, System.Text.Json.JsonElement>> rows = [];
        await Eventually.Until(
            async () => (rows = await influx.Server.QueryRowsAsync(database, query, "ms")).Count >= expected,
            TimeSpan.FromSeconds(10),
            $"InfluxDB to answer '{query}' with {expected} row(s)");
        return rows;
    }
}
