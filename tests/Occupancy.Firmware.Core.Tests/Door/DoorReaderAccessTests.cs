using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Door;

namespace Occupancy.Firmware.Core.Tests.Door;

/// <summary>Taps, decisions, and what the lock, the LEDs and the buzzer do.</summary>
public sealed class DoorReaderAccessTests
{
    [Fact]
    public void Tap_PublishesAnAccessRequestWithAFreshNonceForEachTap()
    {
        var rig = new DoorRig();

        string first = rig.Tap("04a1b2c3d4e5f6");
        rig.Deliver(rig.Deny(first));
        rig.RunFor(100);
        string second = rig.Tap("0badcafe");

        var requests = rig.Requests();
        Assert.Equal(2, requests.Count);
        Assert.Equal(new[] { "04a1b2c3d4e5f6", "0badcafe" }, requests.Select(r => r.Credential.Value));
        Assert.All(requests, r => Assert.True(Nonces.IsValid(r.Nonce)));
        Assert.NotEqual(first, second);
        Assert.False(rig.Relay.IsOn);
    }

    [Fact]
    public void Tap_WithAPhoneCode_SendsTheCodeAsAnOpaqueCredential()
    {
        var rig = new DoorRig();

        rig.Cards.TapCode("otp1:m-4711:492817");
        rig.Step();

        var request = Assert.Single(rig.Requests());
        Assert.Equal((Credential.Code, "otp1:m-4711:492817"), (request.Credential.Type, request.Credential.Value));
    }

    [Fact]
    public void Grant_ReleasesTheLockForTheUnlockTimeWithGreenLightAndAShortBeep()
    {
        var rig = new DoorRig();
        string nonce = rig.Tap();

        rig.Deliver(rig.Grant(nonce));

        Assert.True(rig.Relay.IsOn);
        Assert.True(rig.Green.IsOn);
        Assert.False(rig.Red.IsOn);
        Assert.True(rig.Buzzer.IsOn);
        rig.RunFor(150);
        Assert.False(rig.Buzzer.IsOn); // a short beep
        rig.RunFor(4800);
        Assert.True(rig.Relay.IsOn);
        rig.RunFor(100);
        Assert.False(rig.Relay.IsOn); // 5 s by default
        Assert.False(rig.Green.IsOn);
        var result = Assert.Single(rig.Results());
        Assert.Equal((nonce, AccessResults.Granted, true), (result.Nonce, result.Result, result.Unlocked));
        Assert.Empty(rig.Rejections());
    }

    [Fact]
    public void Grant_WithItsOwnUnlockTime_ReleasesTheLockForThatLong()
    {
        var rig = new DoorRig();
        string nonce = rig.Tap();

        rig.Deliver(rig.Grant(nonce, unlockMs: 8000));
        rig.RunFor(7950);

        Assert.True(rig.Relay.IsOn);
        rig.RunFor(100);
        Assert.False(rig.Relay.IsOn);
    }

    [Fact]
    public void Deny_KeepsTheDoorLockedWithRedLightAndALongBeep()
    {
        var rig = new DoorRig();
        string nonce = rig.Tap();

        rig.Deliver(rig.Deny(nonce));

        Assert.True(rig.Red.IsOn);
        Assert.True(rig.Buzzer.IsOn);
        rig.RunFor(950);
        Assert.True(rig.Buzzer.IsOn); // a long beep: 1 s
        rig.RunFor(100);
        Assert.False(rig.Buzzer.IsOn);
        rig.RunFor(1000);
        Assert.False(rig.Red.IsOn);
        Assert.DoesNotContain(true, rig.Relay.Writes);
        Assert.Equal(AccessResults.Denied, Assert.Single(rig.Results()).Result);
    }

    [Fact]
    public void NoAnswer_AfterTheDecisionTimeout_StaysLockedFailSecure()
    {
        var rig = new DoorRig();
        string nonce = rig.Tap();

        rig.RunFor(1400);
        Assert.True(rig.Reader.HasPendingRequest);
        Assert.False(rig.Red.IsOn);
        rig.RunFor(100);

        Assert.False(rig.Reader.HasPendingRequest);
        Assert.True(rig.Red.IsOn);
        Assert.True(rig.Buzzer.IsOn);
        Assert.DoesNotContain(true, rig.Relay.Writes);
        var result = Assert.Single(rig.Results());
        Assert.Equal((nonce, AccessResults.Timeout, false), (result.Nonce, result.Result, result.Unlocked));
    }

    [Fact]
    public void NoAnswer_OnAFailSafeDoor_ReleasesTheLock()
    {
        var rig = new DoorRig(new DoorReaderOptions { FailSafe = true });
        rig.Tap();

        rig.RunFor(1500);

        Assert.True(rig.Relay.IsOn);
        Assert.True(rig.Green.IsOn);
        var result = Assert.Single(rig.Results());
        Assert.Equal((AccessResults.Timeout, true), (result.Result, result.Unlocked));
    }

    [Fact]
    public void Deny_OnAFailSafeDoor_StillKeepsItLocked()
    {
        var rig = new DoorRig(new DoorReaderOptions { FailSafe = true });
        string nonce = rig.Tap();

        rig.Deliver(rig.Deny(nonce));
        rig.RunFor(3000);

        Assert.DoesNotContain(true, rig.Relay.Writes);
    }

    [Fact]
    public void Tap_WhileOffline_IsDecidedAtOnceAndReportedAfterReconnecting()
    {
        var rig = new DoorRig();
        rig.Link.IsConnected = false;

        rig.Cards.Tap("04a1b2c3");
        rig.Step();

        Assert.True(rig.Red.IsOn); // no 1.5 s wait for an answer that cannot come
        Assert.False(rig.Reader.HasPendingRequest);
        Assert.Empty(rig.Link.Messages);

        rig.Link.IsConnected = true;
        rig.Reader.OnConnected();

        Assert.Equal(new[] { "status", "evt/access-request", "evt/access-result", "evt/contact", "evt/health" }, rig.Link.Channels());
        Assert.Equal((rig.Requests().Single().Nonce, AccessResults.Timeout), (rig.Results().Single().Nonce, rig.Results().Single().Result));
    }

    [Fact]
    public void Tap_OfTheSameCardStillOnTheReader_IsNotASecondRequest()
    {
        var rig = new DoorRig();
        string nonce = rig.Tap("04a1b2c3");
        rig.Deliver(rig.Deny(nonce));

        rig.Tap("04a1b2c3");
        rig.RunFor(1000);
        rig.Cards.Tap("04a1b2c3");
        rig.RunFor(2000);
        rig.Cards.Tap("04a1b2c3");
        rig.Step();

        Assert.Equal(2, rig.Requests().Count); // the first, and the one after 3 s
    }

    [Fact]
    public void Tap_WhileARequestIsPending_IsIgnored()
    {
        var rig = new DoorRig();
        rig.Tap("04a1b2c3");

        rig.Cards.Tap("0badcafe");
        rig.Step();

        Assert.Single(rig.Requests());
    }

    [Fact]
    public void ExitButton_ReleasesTheLockLocallyAndTheOpeningIsNoForcedEntry()
    {
        var rig = new DoorRig(withExitButton: true);

        rig.ExitButton.High = true;
        rig.Step();
        rig.ExitButton.High = false;
        rig.Contact.High = true;
        rig.RunFor(2000);
        rig.Contact.High = false;
        rig.Step();

        var result = Assert.Single(rig.Results());
        Assert.Equal((string.Empty, AccessResults.Exit, true), (result.Nonce, result.Result, result.Unlocked));
        Assert.Empty(rig.Alarms());
        Assert.False(rig.Relay.IsOn); // relocked when the door shut
        Assert.Empty(rig.Requests());
    }
}
