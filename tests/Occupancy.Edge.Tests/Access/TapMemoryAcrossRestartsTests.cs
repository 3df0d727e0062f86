using Microsoft.Extensions.Logging.Abstractions;
using Occupancy.Edge.Access;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Outbox;
using Occupancy.Firmware.Contract;
using Occupancy.Testing;
using Occupancy.Uplink;

namespace Occupancy.Edge.Tests.Access;

/// <summary>
/// What the edge remembers of recent taps (phone codes each door accepted, answers by nonce) outlives
/// a restart, through the access journal beside the outbox; and a decision the outbox lost in a crash
/// is appended to it again, so the audit stays complete.
/// </summary>
public sealed class TapMemoryAcrossRestartsTests(InfluxdFixture influx) : IClassFixture<InfluxdFixture>
{
    private const string MasterKeyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static readonly byte[] PhoneSecret = "phone-secret-of-ada-0123456789ab"u8.ToArray();

    [Fact]
    public async Task PhoneCodeAcceptedJustBeforeARestart_IsRefusedAsReplayedAfterIt()
    {
        using var data = new TempDirectory();
        string code = PhoneCodes.Presented("phone-ada", PhoneSecret, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

        await using (var edge = await StartEdgeAsync(data.Path))
        {
            edge.Get<AccessReplicaStore>().Apply(PhoneReplica());
            Assert.True((await TapAsync(edge, code, new string('a', 32), seq: 1)).IsGrant);
        }

        await using var restarted = await StartEdgeAsync(data.Path);
        var second = await TapAsync(restarted, code, new string('b', 32), seq: 2);

        Assert.False(second.IsGrant);
        var decisions = OutboxContents.Events(restarted).OfType<AccessDecisionEvent>().ToArray();
        Assert.Equal([(true, AccessReasons.Granted), (false, AccessReasons.ReplayedCode)], decisions.Select(d => (d.Granted, d.Reason)));
    }

    [Fact]
    public async Task RequestAnsweredBeforeARestart_SentAgainAfterIt_GetsTheSameAnswer_AndIsRecordedOnce()
    {
        using var data = new TempDirectory();
        string code = PhoneCodes.Presented("phone-ada", PhoneSecret, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        UnlockCommand first;
        await using (var edge = await StartEdgeAsync(data.Path))
        {
            edge.Get<AccessReplicaStore>().Apply(PhoneReplica());
            first = await TapAsync(edge, code, new string('c', 32), seq: 5);
        }

        await using var restarted = await StartEdgeAsync(data.Path);
        var again = await TapAsync(restarted, code, new string('c', 32), seq: 5);

        Assert.True(first.IsGrant);
        Assert.Equal(first.Encode(), again.Encode());
        Assert.Single(OutboxContents.Events(restarted).OfType<AccessDecisionEvent>());
    }

    [Fact]
    public async Task DecisionTheOutboxLostInACrash_IsAppendedToItAgainOnStart()
    {
        using var data = new TempDirectory();
        var outbox = new TestOutbox(data.Path);
        var journal = OpenJournal(outbox.Log);
        var answer = new DoorAnswer(
            new AccessDecision(true, AccessReasons.Granted, "ada", "pass-ada"),
            new CommandSigner(DoorKeys.Derive(Convert.FromHexString(MasterKeyHex), "reader-1")).Grant("reader-1", new string('d', 32), 4000, 1_000),
            "occupancy/v1/test-site/door/reader-1/cmd/unlock",
            false);
        var request = new AccessRequestMessage(new string('d', 32), new Credential(Credential.Card, "04a1b2c3"), new MessageHeader(9, 1_000, "1.0.0"));

        // Durable in the journal, then the edge died before the outbox wrote the record it was given.
        Assert.True(await journal.AppendDecision("front", request, answer, outbox.Log.LastAppendedLsn + 1));
        journal.Dispose();
        outbox.Dispose();

        using var reopened = new TestOutbox(data.Path);
        using var recovered = OpenJournal(reopened.Log);
        Assert.True(await reopened.Log.WaitDurableAsync(reopened.Log.LastAppendedLsn));

        var decision = Assert.Single(OutboxContents.Events(reopened.Log).OfType<AccessDecisionEvent>());
        Assert.Equal(("front", true, "ada", new string('d', 32), 9L), (decision.DoorId, decision.Granted, decision.Member, decision.Nonce, decision.Seq));
    }

    private static AccessJournal OpenJournal(OutboxLog outbox) =>
        new(outbox, new AnsweredRequests(), new PhoneCodeReplayGuard(), TimeProvider.System, NullLogger<AccessJournal>.Instance);

    private static AccessReplica PhoneReplica() => new(
        TestSite.SiteId,
        1,
        "Europe/Berlin",
        false,
        [new DoorAccess("front", "reader-1", 4000, "normal", [])],
        [new AccessPass("pass-ada", "ada", [], [AccessWindow.Always], 0, long.MaxValue, false, false, false)],
        [new AccessCredential("phone-ada", "ada", AccessCredential.Phone, null, Convert.ToBase64String(PhoneSecret), false)]);

    private static async Task<UnlockCommand> TapAsync(TestEdge edge, string code, string nonce, long seq)
    {
        await using var reader = await DeviceMqttClient.ConnectAsync(DeviceKinds.Door, "reader-1", edge.MqttPort);
        var commands = await DoorCommands.SubscribeAsync(reader);
        var request = new AccessRequestMessage(nonce, new Credential(Credential.Code, code), new MessageHeader(seq, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), "1.0.0"));

        Assert.True(await reader.PublishAsync(Channels.AccessRequest, request.Encode()) < 0x80);

        var command = await commands.NextAsync();
        Assert.Equal(nonce, command.Nonce);
        return command;
    }


    private Task<TestEdge> StartEdgeAsync(string dataDirectory) => TestEdge.StartAsync(
        influx.Server.BaseUri.ToString(),
        settings: new Dictionary<string, string?>
        {
            ["Influx:Database"] = "access_restart",
            ["Access:DoorMasterKey"] = MasterKeyHex,
            ["Access:NetworkKey"] = TestSite.NetworkKeyHex,
        },
        dataDirectory: dataDirectory);
}
