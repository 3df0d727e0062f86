using Occupancy.Firmware.Contract;
using Occupancy.Testing;

namespace Occupancy.Edge.Tests.Influx;

/// <summary>A door reader's alarms, results and refusals over real MQTT through a real edge into a real influxd.</summary>
public sealed class DoorEventsInfluxTests(InfluxdFixture influx) : IClassFixture<InfluxdFixture>
{
    private static readonly long Now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    private static readonly string Nonce = new('c', 32);

    [Fact]
    public async Task AlarmAndAccessResult_AreWrittenPerDoorWithTheReadersTimestamps()
    {
        await using var edge = await StartEdgeAsync("door_events");
        await using var reader = await DeviceMqttClient.ConnectAsync(DeviceKinds.Door, "reader-1", edge.MqttPort);

        Assert.True(await reader.PublishAsync(Channels.Alarm, new AlarmMessage(Alarms.HeldOpen, true, 61_000, new MessageHeader(1, Now - 50_000, "1.0.0")).Encode()) < 0x80);
        Assert.True(await reader.PublishAsync(Channels.AccessResult, new AccessResultMessage(Nonce, AccessResults.Granted, true, new MessageHeader(2, Now - 49_000, "1.0.0")).Encode()) < 0x80);

        var alarm = Assert.Single(await WaitForRowsAsync("door_events", "SELECT * FROM door_alarm"));
        Assert.Equal((Now - 50_000, "front", "held-open"), (alarm["time"].GetInt64(), alarm["door"].GetString(), alarm["alarm"].GetString()));
        Assert.Equal((true, 61_000L), (alarm["active"].GetBoolean(), alarm["open_ms"].GetInt64()));
        var result = Assert.Single(await WaitForRowsAsync("door_events", "SELECT * FROM door_access_result"));
        Assert.Equal((Now - 49_000, "front", "granted"), (result["time"].GetInt64(), result["door"].GetString(), result["result"].GetString()));
        Assert.Equal((true, Nonce), (result["unlocked"].GetBoolean(), result["nonce"].GetString()));
    }

    [Fact]
    public async Task CommandAndConfigRejections_AreWrittenWithTheDeviceAndReason()
    {
        await using var edge = await StartEdgeAsync("door_rejections");
        await using var reader = await DeviceMqttClient.ConnectAsync(DeviceKinds.Door, "reader-1", edge.MqttPort);
        await using var sensor = await DeviceMqttClient.ConnectAsync(DeviceKinds.Desk, "sensor-1", edge.MqttPort);

        Assert.True(await reader.PublishAsync(Channels.CommandRejected, new CommandRejectedMessage(RejectionReasons.Expired, Nonce, new MessageHeader(1, Now - 40_000, "1.0.0")).Encode()) < 0x80);
        var config = new ConfigRejectedMessage(new ConfigRejection(7, "holdMs", RejectionReasons.OutOfRange, "too long"), new MessageHeader(1, Now - 39_000, "1.0.0"));
        Assert.True(await sensor.PublishAsync(Channels.ConfigRejected, config.Encode()) < 0x80);

        var rows = await WaitForRowsAsync("door_rejections", "SELECT * FROM device_rejection", expected: 2);
        Assert.Equal(2, rows.Count);
        var command = rows.Single(r => r["subject"].GetString() == "command");
        Assert.Equal(("door", "reader-1", "expired", Nonce), (command["kind"].GetString(), command["device"].GetString(), command["reason"].GetString(), command["nonce"].GetString()));
        var rejected = rows.Single(r => r["subject"].GetString() == "config");
        Assert.Equal(("desk", "sensor-1", "out-of-range"), (rejected["kind"].GetString(), rejected["device"].GetString(), rejected["reason"].GetString()));
        Assert.Equal(("holdMs", 7L), (rejected["field"].GetString(), rejected["config_rev"].GetInt64()));
    }

    [Fact]
    public async Task DeskSensorPublishingAnAlarm_IsRefused()
    {
        await using var edge = await StartEdgeAsync("door_refused");
        await using var sensor = await DeviceMqttClient.ConnectAsync(DeviceKinds.Desk, "sensor-2", edge.MqttPort);

        Assert.True(await sensor.PublishAsync(Channels.Alarm, new AlarmMessage(Alarms.Forced, true, 0, new MessageHeader(1, Now, "1.0.0")).Encode()) >= 0x80);
    }

    private Task<TestEdge> StartEdgeAsync(string database) =>
        TestEdge.StartAsync(influx.Server.BaseUri.ToString(), settings: new Dictionary<string, string?>
        {
            ["Influx:Database"] = database,
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
