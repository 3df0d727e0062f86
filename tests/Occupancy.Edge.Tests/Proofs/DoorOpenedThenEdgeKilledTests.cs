using Occupancy.Edge.Access;
using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Simulator;
using Occupancy.Testing;

namespace Occupancy.Edge.Tests.Proofs;

/// <summary>
/// The edge answers a door as soon as it has decided, and acknowledges the reader's request only once the decision
/// is on disk. Killed with SIGKILL the moment the door opens, the edge may not have recorded the decision yet: the
/// reader (the real firmware core over the simulator's MQTT link) still holds its unacknowledged request and sends
/// it again to the restarted edge, so the decision that opened the door is in InfluxDB all the same.
/// </summary>
public sealed class DoorOpenedThenEdgeKilledTests(InfluxdFixture influx) : IClassFixture<InfluxdFixture>
{
    private const string MasterKeyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    [Fact]
    public async Task EdgeKilledAsTheDoorOpens_TheDecisionIsRecordedAfterTheRestart()
    {
        using var data = new TempDirectory();
        var access = new Dictionary<string, string?>
        {
            ["Access:DoorMasterKey"] = MasterKeyHex,
            ["Access:NetworkKey"] = TestSite.NetworkKeyHex,
        };
        await using (var seeding = await TestEdge.StartAsync(influx.Server.BaseUri.ToString(), settings: access, dataDirectory: data.Path))
        {
            seeding.Get<AccessReplicaStore>().Apply(TestSite.CardReplica());
        }

        int mqttPort = FreeTcpPort.Next();
        int httpPort = FreeTcpPort.NextExcept(mqttPort);
        var settings = EdgeProcess.Settings(data.Path, mqttPort, influx.Server.BaseUri, "door_killed");
        settings["Access:DoorMasterKey"] = MasterKeyHex;
        settings["Access:NetworkKey"] = TestSite.NetworkKeyHex;
        var readerSettings = new DeviceSettings("127.0.0.1", mqttPort, TestSite.SiteId, "reader-1", TestSite.SecretOf("reader-1"))
        {
            DoorKey = DoorKeys.Derive(Convert.FromHexString(MasterKeyHex), "reader-1"),
            PollInterval = TimeSpan.FromMilliseconds(5),
            FirstRetryDelay = TimeSpan.FromMilliseconds(100),
            MaxRetryDelay = TimeSpan.FromMilliseconds(500),
        };

        await using var edge = await EdgeProcess.StartAsync(settings, httpPort);
        await using var reader = await SimulatedDoorReader.StartAsync(readerSettings);
        await reader.WaitUntilConnectedAsync(new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token);

        reader.Tap("04a1b2c3");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!reader.RelayEnergised && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1);
        }

        Assert.True(reader.RelayEnergised, "the door never opened");
        await edge.KillAsync();

        await using var restarted = await EdgeProcess.StartAsync(settings, httpPort);
        IReadOnlyList<IReadOnlyDictionary<string, System.Text.Json.JsonElement>> rows = [];
        await Eventually.Until(
            async () => (rows = await influx.Server.QueryRowsAsync("door_killed", "SELECT * FROM access_decision", "ms")).Count > 0,
            TimeSpan.FromSeconds(30),
            "the decision that opened the door reaches InfluxDB");
        var decision = Assert.Single(rows);
        Assert.Equal(("front", true), (decision["door"].GetString(), decision["granted"].GetBoolean()));
        Assert.Equal(1, reader.Reader.Granted);
    }
}
