using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Door;

namespace Occupancy.Firmware.Core.Tests.Door;

/// <summary>Only an authentic, fresh decision for this door and this request opens it.</summary>
public sealed class DoorReaderCommandTests
{
    [Fact]
    public void ForgedCommand_SignedWithAnotherKey_IsIgnoredAndReported()
    {
        var rig = new DoorRig();
        string nonce = rig.Tap();
        var forger = new CommandSigner(new byte[32]);

        rig.Deliver(forger.Grant(DoorRig.DoorId, nonce, 0, rig.UtcNow + 5000));

        Assert.False(rig.Relay.IsOn);
        Assert.Equal(new[] { RejectionReasons.BadSignature }, rig.Rejections());
        Assert.True(rig.Reader.HasPendingRequest); // the real answer may still come
        rig.Deliver(rig.Grant(nonce));
        Assert.True(rig.Relay.IsOn);
    }

    [Fact]
    public void ForgedCommand_WithATamperedField_IsIgnored()
    {
        var rig = new DoorRig();
        string nonce = rig.Tap();
        var deny = rig.Deny(nonce);

        rig.Deliver(new UnlockCommand(deny.Door, deny.Nonce, Decisions.Grant, 0, deny.ExpiresAtMs, deny.Signature));

        Assert.False(rig.Relay.IsOn);
        Assert.Equal(new[] { RejectionReasons.BadSignature }, rig.Rejections());
    }

    [Fact]
    public void ReplayedGrant_AfterTheDoorRelocked_IsIgnoredAndReported()
    {
        var rig = new DoorRig();
        string nonce = rig.Tap();
        var grant = rig.Grant(nonce);
        rig.Deliver(grant);
        rig.RunFor(5000);
        Assert.False(rig.Relay.IsOn);

        rig.Deliver(grant); // still within its expiry

        Assert.False(rig.Relay.IsOn);
        Assert.Equal(new[] { RejectionReasons.Replayed }, rig.Rejections());
        Assert.Single(rig.Results());
    }

    [Fact]
    public void ReplayedGrant_ForAnOldRequestDuringANewOne_DoesNotAnswerTheNewOne()
    {
        var rig = new DoorRig();
        string first = rig.Tap("04a1b2c3");
        var oldGrant = rig.Signer.Grant(DoorRig.DoorId, first, 0, rig.UtcNow + 30000);
        rig.Deliver(oldGrant);
        rig.RunFor(5000);
        rig.Tap("0badcafe");

        rig.Deliver(oldGrant);
        rig.RunFor(1500);

        Assert.Equal(new[] { RejectionReasons.Replayed }, rig.Rejections());
        Assert.Equal(AccessResults.Timeout, rig.Results().Last().Result);
        Assert.False(rig.Relay.IsOn);
    }

    [Fact]
    public void ExpiredCommand_IsIgnoredAndReported()
    {
        var rig = new DoorRig();
        string nonce = rig.Tap();

        rig.Deliver(rig.Signer.Grant(DoorRig.DoorId, nonce, 0, rig.UtcNow - 1));

        Assert.False(rig.Relay.IsOn);
        Assert.Equal(new[] { RejectionReasons.Expired }, rig.Rejections());
    }

    [Fact]
    public void CommandExpiringTooFarAhead_IsIgnoredAndReported()
    {
        var rig = new DoorRig();
        string nonce = rig.Tap();

        rig.Deliver(rig.Signer.Grant(DoorRig.DoorId, nonce, 0, rig.UtcNow + UnlockCommand.MaxLifetimeMs + 1));

        Assert.False(rig.Relay.IsOn);
        Assert.Equal(new[] { RejectionReasons.ExpiryTooFar }, rig.Rejections());
    }

    [Fact]
    public void CommandForAnotherNonce_IsIgnoredAndReported()
    {
        var rig = new DoorRig();
        rig.Tap();

        rig.Deliver(rig.Grant("0123456789abcdef0123456789abcdef"));

        Assert.False(rig.Relay.IsOn);
        Assert.Equal(new[] { RejectionReasons.UnknownNonce }, rig.Rejections());
    }

    [Fact]
    public void CommandForAnotherDoor_IsIgnoredAndReported()
    {
        var rig = new DoorRig();
        string nonce = rig.Tap();

        // A valid grant for the back door (same site key in this test) replayed onto the front door's topic.
        rig.Deliver(rig.Signer.Grant("reader-back", nonce, 0, rig.UtcNow + 5000));

        Assert.False(rig.Relay.IsOn);
        Assert.Equal(new[] { RejectionReasons.WrongDoor }, rig.Rejections());
    }

    [Fact]
    public void GrantArrivingAfterTheTimeout_IsLateAndTheDoorStaysLocked()
    {
        var rig = new DoorRig();
        string nonce = rig.Tap();
        rig.RunFor(1500);

        rig.Deliver(rig.Grant(nonce));

        Assert.False(rig.Relay.IsOn);
        Assert.Equal(new[] { RejectionReasons.Late }, rig.Rejections());
    }

    [Fact]
    public void RetainedCommand_IsIgnoredEvenWhenOtherwiseValid()
    {
        var rig = new DoorRig();
        string nonce = rig.Tap();

        rig.Deliver(rig.Grant(nonce), retained: true);

        Assert.False(rig.Relay.IsOn);
        Assert.Equal(new[] { RejectionReasons.Retained }, rig.Rejections());
    }

    [Fact]
    public void MalformedCommand_IsIgnoredAndReported()
    {
        var rig = new DoorRig();
        rig.Tap();

        rig.Reader.OnMessage(DoorRig.UnlockTopic, "{\"decision\":\"grant\"}", retained: false);

        Assert.False(rig.Relay.IsOn);
        Assert.Equal(new[] { RejectionReasons.Malformed }, rig.Rejections());
    }

    [Fact]
    public void CommandWithNoRequestPending_IsIgnored()
    {
        var rig = new DoorRig();

        rig.Deliver(rig.Grant("0123456789abcdef0123456789abcdef"));

        Assert.False(rig.Relay.IsOn);
        Assert.Equal(new[] { RejectionReasons.UnknownNonce }, rig.Rejections());
    }

    [Fact]
    public void AFloodOfForgedCommands_IsReportedAtMostTenTimesAMinuteButCountedInFull()
    {
        var rig = new DoorRig();
        var forger = new CommandSigner(new byte[32]);
        for (int i = 0; i < 25; i++)
        {
            rig.Deliver(forger.Grant(DoorRig.DoorId, "0123456789abcdef0123456789abcdef", 0, rig.UtcNow + 5000));
        }

        Assert.Equal(10, rig.Rejections().Count);
        Assert.Equal(25, rig.Runtime.Rejected);
        rig.RunFor(60000);
        rig.Deliver(forger.Grant(DoorRig.DoorId, "0123456789abcdef0123456789abcdef", 0, rig.UtcNow + 5000));
        Assert.Equal(11, rig.Rejections().Count);
    }
}
