using Occupancy.Edge.Access;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Outbox;
using Occupancy.Firmware.Contract;
using Occupancy.Testing;

namespace Occupancy.Edge.Tests.Access;

/// <summary>
/// A door is answered as soon as its decision is made, before the decision is on disk — except while the
/// outbox cannot write: then a door never opens on a decision nobody can record (fail-secure), and the
/// reader's retry of the same request opens it once space returns, recorded once.
/// </summary>
public sealed class TapOnAFullDiskTests
{
    [Fact]
    public async Task TapWhileTheOutboxCannotWrite_GetsNoUnlock_AndTheSameRequestSentAgainOpensOnceSpaceReturns()
    {
        using var disk = SmallDisk.Mount(kilobytes: 256);
        int httpPort = FreeTcpPort.Next();
        await using var edge = await disk.StartEdgeAsync(new Dictionary<string, string?>
        {
            ["Edge:HttpPort"] = httpPort.ToString(),
            ["Access:DoorMasterKey"] = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
            ["Access:NetworkKey"] = TestSite.NetworkKeyHex,
        });
        edge.Get<AccessReplicaStore>().Apply(TestSite.CardReplica());
        using var ops = new OperationsClient(httpPort);
        await using var sensor = await DeviceMqttClient.ConnectAsync(DeviceKinds.Desk, "sensor-1", edge.MqttPort);
        await using var reader = await DeviceMqttClient.ConnectAsync(DeviceKinds.Door, "reader-1", edge.MqttPort);
        var commands = await DoorCommands.SubscribeAsync(reader);

        disk.Fill();
        Assert.True(await sensor.PublishAsync(Channels.State, """{"state":"occupied","seq":1,"ts":1764236400000,"fw":"1.0.0"}""") >= 0x80);
        Assert.True(edge.Get<OutboxLog>().IsFailing);
        string nonce = new('e', 32);
        string tap = new AccessRequestMessage(nonce, new Credential(Credential.Card, "04a1b2c3"), new MessageHeader(7, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), "1.0.0")).Encode();

        Assert.True(await reader.PublishAsync(Channels.AccessRequest, tap) >= 0x80, "a tap acknowledged on a full disk");
        await Task.Delay(500); // the unlock would have been published before that refusal; give it time to arrive
        Assert.True(commands.IsEmpty, "the door opened on a decision the edge could not record");

        disk.Free();
        await Eventually.Until(async () => await ops.CheckStatusAsync("outbox") == "healthy", TimeSpan.FromSeconds(10), "the outbox writes again");
        Assert.True(await reader.PublishAsync(Channels.AccessRequest, tap) < 0x80);

        var command = await commands.NextAsync();
        Assert.True(command.IsGrant);
        Assert.Equal(nonce, command.Nonce);
        var decision = Assert.Single(OutboxContents.Events(edge.Get<OutboxLog>()).OfType<AccessDecisionEvent>());
        Assert.Equal((nonce, true, "ada"), (decision.Nonce, decision.Granted, decision.Member));
    }
}
