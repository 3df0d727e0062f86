using Microsoft.Extensions.Time.Testing;
using Occupancy.Edge.Access;
using Occupancy.Firmware.Contract;
using Occupancy.Uplink;
using static Microsoft.Extensions.Options.Options;

namespace Occupancy.Edge.Tests.Access;

/// <summary>Doors configured as an in/out pair: no member passes the same way twice in a row.</summary>
public sealed class AntiPassbackTests : IDisposable
{
    private const string MasterKeyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static readonly DoorConfig Entrance = new("gate-in", "reader-in");
    private static readonly DoorConfig Exit = new("gate-out", "reader-out");
    private static readonly DoorConfig Front = new("front", "reader-1");

    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly DoorAccessService _service;
    private int _taps;

    public AntiPassbackTests()
    {
        var edge = Create(TestSite.Options(_data.Path));
        var replicas = new AccessReplicaStore(edge, _time);
        replicas.Apply(Replica());
        _service = new DoorAccessService(
            replicas,
            new AccessDecider(new PhoneCodeReplayGuard()),
            new RepeatedDenialWatch(),
            Create(new AccessOptions { DoorMasterKey = MasterKeyHex, NetworkKey = TestSite.NetworkKeyHex }),
            edge,
            _time,
            new AntiPassback());
    }

    public void Dispose() => _data.Dispose();

    [Fact]
    public void SecondEntryWithoutAnExit_IsDeniedAsAntiPassback_WithASignedDeny()
    {
        Assert.True(Tap(Entrance, "04a1b2c3").Decision.Granted);

        var again = Tap(Entrance, "04a1b2c3");

        Assert.Equal((false, AccessReasons.AntiPassback, "ada"), (again.Decision.Granted, again.Decision.Reason, again.Decision.Member));
        Assert.False(again.Command.IsGrant);
    }

    [Fact]
    public void EntryExitEntry_IsGrantedEachTime()
    {
        Assert.Equal([true, true, true, true], new[] { Entrance, Exit, Entrance, Exit }.Select(door => Tap(door, "04a1b2c3").Decision.Granted));
    }

    [Fact]
    public void ExitTwice_IsDeniedTheSecondTime()
    {
        Assert.True(Tap(Exit, "04a1b2c3").Decision.Granted);
        Assert.Equal(AccessReasons.AntiPassback, Tap(Exit, "04a1b2c3").Decision.Reason);
    }

    [Fact]
    public void OneMembersPassage_DoesNotBlockAnother()
    {
        Assert.True(Tap(Entrance, "04a1b2c3").Decision.Granted);
        Assert.True(Tap(Entrance, "0badcafe").Decision.Granted);
    }

    [Fact]
    public void DoorOutsideAnyPair_OpensAsOftenAsThePassAllows()
    {
        Assert.Equal([true, true, true], Enumerable.Range(0, 3).Select(_ => Tap(Front, "04a1b2c3").Decision.Granted));
    }

    [Fact]
    public void DeniedTap_DoesNotCountAsAPassage()
    {
        // Unknown card: no member, so nothing to remember; the member's own entry is still the first.
        Assert.False(Tap(Entrance, "deadbeef").Decision.Granted);
        Assert.True(Tap(Entrance, "04a1b2c3").Decision.Granted);
    }

    private DoorAnswer Tap(DoorConfig door, string card)
    {
        _taps++;
        string nonce = _taps.ToString("x32");
        return _service.Answer(door, new AccessRequestMessage(nonce, new Credential(Credential.Card, card), new MessageHeader(_taps, _time.GetUtcNow().ToUnixTimeMilliseconds(), "1.0.0")));
    }

    private static AccessReplica Replica()
    {
        byte[] networkKey = Convert.FromHexString(TestSite.NetworkKeyHex);
        return new AccessReplica(
            TestSite.SiteId,
            1,
            "Europe/Berlin",
            false,
            [
                new DoorAccess("gate-in", "reader-in", 3000, "normal", [], PairedDoorId: "gate-out", Direction: DoorAccess.In),
                new DoorAccess("gate-out", "reader-out", 3000, "normal", [], PairedDoorId: "gate-in", Direction: DoorAccess.Out),
                new DoorAccess("front", "reader-1", 4000, "normal", []),
            ],
            [
                new AccessPass("pass-ada", "ada", [], [AccessWindow.Always], 0, long.MaxValue, false, false, false),
                new AccessPass("pass-bo", "bo", [], [AccessWindow.Always], 0, long.MaxValue, false, false, false),
            ],
            [
                new AccessCredential("card-ada", "ada", AccessCredential.Card, CredentialHashing.CardHash(networkKey, "04a1b2c3"), null, false),
                new AccessCredential("card-bo", "bo", AccessCredential.Card, CredentialHashing.CardHash(networkKey, "0badcafe"), null, false),
            ]);
    }
}
