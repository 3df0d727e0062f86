using Microsoft.Extensions.Time.Testing;
using Occupancy.Edge.Access;
using Occupancy.Edge.Options;
using Occupancy.Firmware.Contract;
using Occupancy.Uplink;
using static Microsoft.Extensions.Options.Options;

namespace Occupancy.Edge.Tests.Access;

/// <summary>The edge's answer to a tap, checked with the firmware's own command verification.</summary>
public sealed class DoorAccessServiceTests : IDisposable
{
    private const string MasterKeyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static readonly DoorConfig FrontDoor = new("front", "reader-1");

    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly AccessReplicaStore _replicas;
    private readonly DoorAccessService _service;

    public DoorAccessServiceTests()
    {
        var edge = Create(TestSite.Options(_data.Path));
        _replicas = new AccessReplicaStore(edge, _time);
        _service = new DoorAccessService(
            _replicas,
            new AccessDecider(new PhoneCodeReplayGuard()),
            new RepeatedDenialWatch(threshold: 3),
            Create(new AccessOptions { DoorMasterKey = MasterKeyHex, NetworkKey = TestSite.NetworkKeyHex }),
            edge,
            _time);
    }

    public void Dispose() => _data.Dispose();

    [Fact]
    public void ValidCard_GetsAGrantTheReaderAcceptsWithItsOwnKey()
    {
        _replicas.Apply(Replica(version: 1));

        var answer = _service.Answer(FrontDoor, Tap("04a1b2c3", "0123456789abcdef0123456789abcdef"));

        Assert.True(answer.Decision.Granted);
        Assert.True(answer.Command.IsGrant);
        Assert.Equal(("reader-1", "0123456789abcdef0123456789abcdef", 4000L), (answer.Command.Door, answer.Command.Nonce, answer.Command.UnlockMs));
        Assert.Equal("occupancy/v1/test-site/door/reader-1/cmd/unlock", answer.CommandTopic);
        Assert.True(ReaderSigner("reader-1").Verify(answer.Command));
    }

    [Fact]
    public void Command_IsUselessToAnyOtherDoor()
    {
        _replicas.Apply(Replica(version: 1));

        var answer = _service.Answer(FrontDoor, Tap("04a1b2c3", "0123456789abcdef0123456789abcdef"));

        Assert.False(ReaderSigner("reader-2").Verify(answer.Command));
    }

    [Fact]
    public void UnknownCard_GetsASignedDeny()
    {
        _replicas.Apply(Replica(version: 1));

        var answer = _service.Answer(FrontDoor, Tap("deadbeef", "fedcba9876543210fedcba9876543210"));

        Assert.Equal((false, AccessReasons.UnknownCredential), (answer.Decision.Granted, answer.Decision.Reason));
        Assert.False(answer.Command.IsGrant);
        Assert.True(ReaderSigner("reader-1").Verify(answer.Command));
    }

    [Fact]
    public void WithoutAnyReplica_EveryTapIsDenied()
    {
        var answer = _service.Answer(FrontDoor, Tap("04a1b2c3", "0123456789abcdef0123456789abcdef"));

        Assert.Equal((false, DoorAccessService.NoReplica), (answer.Decision.Granted, answer.Decision.Reason));
    }

    [Fact]
    public void RevocationInANewerReplica_TurnsTheNextTapIntoADenial()
    {
        _replicas.Apply(Replica(version: 1));
        Assert.True(_service.Answer(FrontDoor, Tap("04a1b2c3", "0123456789abcdef0123456789abcdef")).Decision.Granted);

        _replicas.Apply(Replica(version: 2, revoked: true));

        Assert.Equal(AccessReasons.Revoked, _service.Answer(FrontDoor, Tap("04a1b2c3", "1123456789abcdef0123456789abcdef")).Decision.Reason);
    }

    [Fact]
    public void OlderReplicaArrivingLate_DoesNotRollAccessBack()
    {
        _replicas.Apply(Replica(version: 2, revoked: true));

        Assert.False(_replicas.Apply(Replica(version: 1)));
        Assert.Equal(AccessReasons.Revoked, _service.Answer(FrontDoor, Tap("04a1b2c3", "0123456789abcdef0123456789abcdef")).Decision.Reason);
    }

    [Fact]
    public void Replica_SurvivesARestartAndKnowsItsAge()
    {
        _replicas.Apply(Replica(version: 3));
        _time.Advance(TimeSpan.FromDays(2));

        var reloaded = new AccessReplicaStore(Create(TestSite.Options(_data.Path)), _time);

        Assert.Equal(3, reloaded.Current?.Version);
        Assert.Equal(TimeSpan.FromDays(2), reloaded.Age);
    }

    [Fact]
    public void RepeatedDenialsAtOneDoor_RaiseOneAlarm()
    {
        _replicas.Apply(Replica(version: 1));

        var raised = Enumerable.Range(0, 5)
            .Select(i => _service.Answer(FrontDoor, Tap("deadbeef", $"{i:x32}")).RaiseRepeatedDenialAlarm)
            .ToArray();

        Assert.Equal([false, false, true, false, false], raised);
    }

    private AccessRequestMessage Tap(string cardUid, string nonce) =>
        new(nonce, new Credential(Credential.Card, cardUid), new MessageHeader(1, _time.GetUtcNow().ToUnixTimeMilliseconds(), "1.0.0"));

    private static CommandSigner ReaderSigner(string deviceId) =>
        new(DoorKeys.Derive(Convert.FromHexString(MasterKeyHex), deviceId));

    private static AccessReplica Replica(long version, bool revoked = false)
    {
        byte[] networkKey = Convert.FromHexString(TestSite.NetworkKeyHex);
        return new AccessReplica(
            TestSite.SiteId,
            version,
            "Europe/Berlin",
            false,
            [new DoorAccess("front", "reader-1", 4000, "normal", [])],
            [new AccessPass("pass-ada", "ada", [], [AccessWindow.Always], 0, long.MaxValue, false, revoked, false)],
            [new AccessCredential("card-ada", "ada", AccessCredential.Card, CredentialHashing.CardHash(networkKey, "04a1b2c3"), null, false)]);
    }
}
