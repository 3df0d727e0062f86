using Occupancy.Firmware.Contract;
using Occupancy.Testing;

namespace Occupancy.Edge.Tests.Influx;

/// <summary>Heartbeats from real MQTT devices through a real edge into a real influxd.</summary>
public sealed class DeviceHealthInfluxTests(InfluxdFixture influx) : IClassFixture<InfluxdFixture>
{
    private static readonly long Now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    [Fact]
    public async Task HealthFromADeskSensor_IsAPointWithTheDevicesTimestampAndEveryMeasurement()
    {
        await using var edge = await StartEdgeAsync("health_desk");
        await using var sensor = await DeviceMqttClient.ConnectAsync(DeviceKinds.Desk, "sensor-1", edge.MqttPort);
        long ts = Now - 60_000 + 7;
        var health = new HealthMessage(3600, -61, 3300, 1, 2, 3, 300_000, 2, 0, new MessageHeader(5, ts, "1.4.2"));

        Assert.True(await sensor.PublishAsync(Channels.Health, health.Encode()) < 0x80);

        var row = Assert.Single(await WaitForRowsAsync("health_desk", "SELECT * FROM device_health"));
        Assert.Equal(ts, row["time"].GetInt64());
        Assert.Equal(("test-site", "desk", "sensor-1"), (row["site"].GetString(), row["kind"].GetString(), row["device"].GetString()));
        Assert.Equal((3600L, -61L, 3300L), (row["uptime_s"].GetInt64(), row["rssi_dbm"].GetInt64(), row["supply_mv"].GetInt64()));
        Assert.Equal((1L, 2L, 3L), (row["reconnects"].GetInt64(), row["dropped"].GetInt64(), row["queued"].GetInt64()));
        Assert.Equal("1.4.2", row["fw"].GetString());
    }

    [Fact]
    public async Task HealthFromADoorReaderThatCannotMeasureItsSupply_LeavesThoseFieldsOut()
    {
        await using var edge = await StartEdgeAsync("health_door");
        await using var reader = await DeviceMqttClient.ConnectAsync(DeviceKinds.Door, "reader-1", edge.MqttPort);
        var health = new HealthMessage(10, HealthMessage.NotMeasured, HealthMessage.NotMeasured, 0, 0, 0, 300_000, 0, 0, new MessageHeader(1, Now - 30_000, "1.0.0"));

        Assert.True(await reader.PublishAsync(Channels.Health, health.Encode()) < 0x80);

        var row = Assert.Single(await WaitForRowsAsync("health_door", "SELECT * FROM device_health"));
        Assert.Equal(("door", "reader-1"), (row["kind"].GetString(), row["device"].GetString()));
        Assert.False(row.TryGetValue("rssi_dbm", out var rssi) && rssi.ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.False(row.TryGetValue("supply_mv", out var supply) && supply.ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.Equal(10, row["uptime_s"].GetInt64());
    }

    [Fact]
    public async Task MalformedHealth_IsRefusedAndWritesNothing()
    {
        await using var edge = await StartEdgeAsync("health_bad");
        await using var sensor = await DeviceMqttClient.ConnectAsync(DeviceKinds.Desk, "sensor-2", edge.MqttPort);

        Assert.True(await sensor.PublishAsync(Channels.Health, """{"uptimeS":-1,"seq":1,"ts":1764236400000,"fw":"1.0.0"}""") >= 0x80);
    }

    private Task<TestEdge> StartEdgeAsync(string database) =>
        TestEdge.StartAsync(influx.Server.BaseUri.ToString(), settings: new Dictionary<string, string?>
        {
            ["Influx:Database"] = database,
        });

    internal async Task<IReadOnlyList<IReadOnlyDictionary<string, System.Text.Json.JsonElement>>> WaitForRowsAsync(string database, string query, int expected = 1)
    {
        IReadOnlyList<IReadOnlyDictionary<string, System.Text.Json.JsonElement>> rows = [];
        await Eventually.Until(
            async () => (rows = await influx.Server.QueryRowsAsync(database, query, "ms")).Count >= expected,
            TimeSpan.FromSeconds(10),
            $"InfluxDB to answer '{query}' with {expected} row(s)");
        return rows;
    }
}
