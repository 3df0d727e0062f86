using Occupancy.Edge.Access;
using Occupancy.Edge.Occupancy;
using Occupancy.Firmware.Contract;
using Occupancy.Testing;

namespace Occupancy.Edge.Tests.Access;

/// <summary>A door reader on real MQTT asks the embedded broker's edge and gets a signed answer on its own command topic.</summary>
public sealed class DoorRequestOverMqttTests(InfluxdFixture influx) : IClassFixture<InfluxdFixture>
{
    private const string MasterKeyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    [Fact]
    public async Task KnownCard_GetsAGrantSignedForThatReader_AndTheDecisionIsRecordedWithoutTheCard()
    {
        await using var edge = await StartEdgeAsync("access_grant", withKeys: true);
        edge.Get<AccessReplicaStore>().Apply(TestSite.CardReplica());
        await using var reader = await DeviceMqttClient.ConnectAsync(DeviceKinds.Door, "reader-1", edge.MqttPort);
        var commands = await DoorCommands.SubscribeAsync(reader);
        string nonce = new('1', 32);

        Assert.True(await reader.PublishAsync(Channels.AccessRequest, Tap("04a1b2c3", nonce).Encode()) < 0x80);

        var command = await commands.NextAsync();
        Assert.True(command.IsGrant);
        Assert.Equal(("reader-1", nonce, 4000L), (command.Door, command.Nonce, command.UnlockMs));
        Assert.True(new CommandSigner(DoorKeys.Derive(Convert.FromHexString(MasterKeyHex), "reader-1")).Verify(command));
        var decision = Assert.Single(OutboxContents.Events(edge).OfType<AccessDecisionEvent>());
        Assert.Equal(("front", true, "ada", nonce), (decision.DoorId, decision.Granted, decision.Member, decision.Nonce));
        var row = Assert.Single(await WaitForRowsAsync("access_grant", "SELECT * FROM access_decision"));
        Assert.Equal(("front", true, "ada"), (row["door"].GetString(), row["granted"].GetBoolean(), row["member"].GetString()));
        Assert.DoesNotContain("04a1b2c3", string.Join(",", row.Values.Select(v => v.ToString())));
    }

    [Fact]
    public async Task UnknownCard_GetsASignedDeny()
    {
        await using var edge = await StartEdgeAsync("access_deny", withKeys: true);
        edge.Get<AccessReplicaStore>().Apply(TestSite.CardReplica());
        await using var reader = await DeviceMqttClient.ConnectAsync(DeviceKinds.Door, "reader-1", edge.MqttPort);
        var commands = await DoorCommands.SubscribeAsync(reader);

        Assert.True(await reader.PublishAsync(Channels.AccessRequest, Tap("deadbeef", new string('2', 32)).Encode()) < 0x80);

        var command = await commands.NextAsync();
        Assert.False(command.IsGrant);
        Assert.True(new CommandSigner(DoorKeys.Derive(Convert.FromHexString(MasterKeyHex), "reader-1")).Verify(command));
    }

    [Fact]
    public async Task EdgeWithoutDoorKeys_RefusesRequestsAsNotConfigured()
    {
        await using var edge = await StartEdgeAsync("access_off", withKeys: false);
        await using var reader = await DeviceMqttClient.ConnectAsync(DeviceKinds.Door, "reader-1", edge.MqttPort);

        Assert.True(await reader.PublishAsync(Channels.AccessRequest, Tap("04a1b2c3", new string('3', 32)).Encode()) >= 0x80);
        Assert.Empty(OutboxContents.Events(edge).OfType<AccessDecisionEvent>());
    }

    [Fact]
    public async Task EdgeWithOnlyOneDoorKey_StartsAndRefusesRequestsAsNotConfigured()
    {
        await using var edge = await TestEdge.StartAsync(influx.Server.BaseUri.ToString(), settings: new Dictionary<string, string?>
        {
            ["Influx:Database"] = "access_half",
            ["Access:DoorMasterKey"] = MasterKeyHex,
            ["Access:NetworkKey"] = null,
        });
        await using var reader = await DeviceMqttClient.ConnectAsync(DeviceKinds.Door, "reader-1", edge.MqttPort);

        Assert.True(await reader.PublishAsync(Channels.AccessRequest, Tap("04a1b2c3", new string('4', 32)).Encode()) >= 0x80);
    }

    [Fact]
    public async Task SameRequestSentAgain_GetsTheSameAnswer_DecidedAndRecordedOnce()
    {
        await using var edge = await StartEdgeAsync("access_resend", withKeys: true);
        edge.Get<AccessReplicaStore>().Apply(TestSite.CardReplica());
        await using var reader = await DeviceMqttClient.ConnectAsync(DeviceKinds.Door, "reader-1", edge.MqttPort);
        var commands = await DoorCommands.SubscribeAsync(reader);
        string tap = Tap("04a1b2c3", new string('5', 32), seq: 7).Encode();

        Assert.True(await reader.PublishAsync(Channels.AccessRequest, tap) < 0x80);
        var first = await commands.NextAsync();
        Assert.True(await reader.PublishAsync(Channels.AccessRequest, tap) < 0x80);
        var second = await commands.NextAsync();

        Assert.True(first.IsGrant);
        Assert.Equal(first.Encode(), second.Encode());
        Assert.Single(OutboxContents.Events(edge).OfType<AccessDecisionEvent>());
    }

    [Fact]
    public async Task NonceOfAnEarlierRequest_InADifferentRequest_IsRefusedAndNotDecided()
    {
        await using var edge = await StartEdgeAsync("access_reused", withKeys: true);
        edge.Get<AccessReplicaStore>().Apply(TestSite.CardReplica());
        await using var reader = await DeviceMqttClient.ConnectAsync(DeviceKinds.Door, "reader-1", edge.MqttPort);
        string nonce = new('6', 32);
        Assert.True(await reader.PublishAsync(Channels.AccessRequest, Tap("deadbeef", nonce, seq: 1).Encode()) < 0x80);

        int refused = await reader.PublishAsync(Channels.AccessRequest, Tap("04a1b2c3", nonce, seq: 2).Encode());

        Assert.True(refused >= 0x80, $"PUBACK {refused}");
        var decision = Assert.Single(OutboxContents.Events(edge).OfType<AccessDecisionEvent>());
        Assert.False(decision.Granted);
        Assert.Equal(1, edge.Get<Edge.Ingest.RejectionCounter>().Count(Edge.Ingest.RejectionReasons.ReusedNonce));
    }

    [Fact]
    public async Task RepeatedDeniedTapsAtOneDoor_RaiseOneRepeatedDenialAlarm_RecordedAndWrittenToInfluxDb()
    {
        await using var edge = await StartEdgeAsync("access_alarm", withKeys: true);
        edge.Get<AccessReplicaStore>().Apply(TestSite.CardReplica());
        await using var reader = await DeviceMqttClient.ConnectAsync(DeviceKinds.Door, "reader-1", edge.MqttPort);

        for (int i = 1; i <= 6; i++)
        {
            Assert.True(await reader.PublishAsync(Channels.AccessRequest, Tap($"badc0de{i}", i.ToString("x32"), seq: i).Encode()) < 0x80);
        }

        var alarm = Assert.Single(OutboxContents.Events(edge).OfType<DoorAlarmEvent>());
        Assert.Equal(("front", RepeatedDenialWatch.Alarm, true, 5L), (alarm.DoorId, alarm.Alarm, alarm.Active, alarm.Seq));
        var row = Assert.Single(await WaitForRowsAsync("access_alarm", "SELECT * FROM door_alarm"));
        Assert.Equal(("front", "repeated-denial", true), (row["door"].GetString(), row["alarm"].GetString(), row["active"].GetBoolean()));
    }

    private static AccessRequestMessage Tap(string cardUid, string nonce, long seq = 1) =>
        new(nonce, new Credential(Credential.Card, cardUid), new MessageHeader(seq, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), "1.0.0"));

    private Task<TestEdge> StartEdgeAsync(string database, bool withKeys)
    {
        var settings = new Dictionary<string, string?> { ["Influx:Database"] = database };
        if (withKeys)
        {
            settings["Access:DoorMasterKey"] = MasterKeyHex;
            settings["Access:NetworkKey"] = TestSite.NetworkKeyHex;
        }

        return TestEdge.StartAsync(influx.Server.BaseUri.ToString(), settings: settings);
    }

    private async Task<IReadOnlyList<IReadOnlyDictionary<string, System.Text.Json.JsonElement>>> WaitForRowsAsync(string database, string query)
    {
        IReadOnlyList<IReadOnlyDictionary<string, System.Text.Json.JsonElement>> rows = [];
        await Eventually.Until(
            async () => (rows = await influx.Server.QueryRowsAsync(database, query, "ms")).Count >= 1,
            TimeSpan.FromSeconds(10),
            $"InfluxDB to answer '{query}'");
        return rows;
    }
}
