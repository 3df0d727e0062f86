using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Door;

namespace Occupancy.Firmware.Core.Tests.Door;

/// <summary>The door contact: open/close events, door forced, held open, relock on close, remote config.</summary>
public sealed class DoorReaderContactTests
{
    [Fact]
    public void DoorOpenedWhileLocked_RaisesForcedAndClearsItWhenClosed()
    {
        var rig = new DoorRig();

        rig.Contact.High = true;
        rig.RunFor(4000);
        rig.Contact.High = false;
        rig.Step();

        Assert.Equal(new[] { true, false }, rig.Contacts());
        var alarms = rig.Alarms();
        Assert.Equal(2, alarms.Count);
        Assert.Equal((Alarms.Forced, true, 0L), (alarms[0].Alarm, alarms[0].Active, alarms[0].OpenMs));
        Assert.Equal((Alarms.Forced, false, 4000L), (alarms[1].Alarm, alarms[1].Active, alarms[1].OpenMs));
        Assert.False(rig.Reader.IsForcedAlarmActive);
    }

    [Fact]
    public void DoorOpenedAfterAGrant_IsNoForcedEntryAndTheLockClosesAgainWhenTheDoorShuts()
    {
        var rig = new DoorRig();
        rig.Deliver(rig.Grant(rig.Tap()));
        rig.RunFor(1000);

        rig.Contact.High = true;
        rig.RunFor(1500);
        rig.Contact.High = false;
        rig.Step();

        Assert.Empty(rig.Alarms());
        Assert.False(rig.Relay.IsOn); // 2.5 s into a 5 s release: relocked on closing, nobody follows
        Assert.False(rig.Green.IsOn);
    }

    [Fact]
    public void DoorOpenedJustAfterTheLockClosed_StillCountsAsTheGrantedEntry()
    {
        var rig = new DoorRig();
        rig.Deliver(rig.Grant(rig.Tap()));
        rig.RunFor(5000);
        Assert.False(rig.Relay.IsOn);

        rig.Contact.High = true;
        rig.Step();

        Assert.Empty(rig.Alarms());
    }

    [Fact]
    public void DoorOpenedLongAfterAGrant_IsForced()
    {
        var rig = new DoorRig();
        rig.Deliver(rig.Grant(rig.Tap()));
        rig.RunFor(8000);

        rig.Contact.High = true;
        rig.Step();

        Assert.Equal(Alarms.Forced, Assert.Single(rig.Alarms()).Alarm);
    }

    [Fact]
    public void DoorLeftOpen_RaisesHeldOpenAfterThirtySecondsAndClearsItWhenClosed()
    {
        var rig = new DoorRig();
        rig.Deliver(rig.Grant(rig.Tap()));
        rig.Contact.High = true;

        rig.RunFor(29950);
        Assert.Empty(rig.Alarms());
        rig.RunFor(100);
        Assert.True(rig.Reader.IsHeldOpenAlarmActive);
        rig.RunFor(15000);
        rig.Contact.High = false;
        rig.Step();

        var alarms = rig.Alarms();
        Assert.Equal(2, alarms.Count);
        Assert.Equal((Alarms.HeldOpen, true, 30000L), (alarms[0].Alarm, alarms[0].Active, alarms[0].OpenMs));
        Assert.Equal((Alarms.HeldOpen, false), (alarms[1].Alarm, alarms[1].Active));
        Assert.InRange(alarms[1].OpenMs, 45000, 45100);
        Assert.False(rig.Reader.IsHeldOpenAlarmActive);
    }

    [Fact]
    public void DoorForcedAndLeftOpen_RaisesBothAlarms()
    {
        var rig = new DoorRig(new DoorReaderOptions { HeldOpenMs = 10000 });

        rig.Contact.High = true;
        rig.RunFor(10050);

        Assert.Equal(new[] { Alarms.Forced, Alarms.HeldOpen }, rig.Alarms().Select(a => a.Alarm));
    }

    [Fact]
    public void Config_MakesTheDoorFailSafeAndChangesItsTimes()
    {
        var rig = new DoorRig();

        rig.Reader.OnMessage(DoorRig.ConfigTopic, """{"rev":2,"unlockMs":3000,"decisionTimeoutMs":1000,"heldOpenMs":20000,"failSafe":true}""", retained: true);
        rig.Tap();
        rig.RunFor(1000);

        Assert.True(rig.Reader.FailSafe);
        Assert.True(rig.Relay.IsOn); // no answer within 1 s on a fail-safe door
        rig.RunFor(3000);
        Assert.False(rig.Relay.IsOn);
        Assert.Equal(2, rig.Runtime.ConfigRev);
    }

    [Fact]
    public void Config_WhenInvalid_IsRejectedAndTheDoorKeepsItsSettings()
    {
        var rig = new DoorRig();

        rig.Reader.OnMessage(DoorRig.ConfigTopic, """{"rev":2,"unlockMs":120000,"failSafe":true}""", retained: true);

        Assert.False(rig.Reader.FailSafe);
        Assert.Equal(DoorConfigMessage.DefaultUnlockMs, rig.Reader.UnlockMs);
        Assert.True(ConfigRejectedMessage.TryDecode(Assert.Single(rig.Link.On(Channels.ConfigRejected)), out var rejected, out _));
        Assert.Equal(("unlockMs", RejectionReasons.OutOfRange, 2L), (rejected.Rejection.Field, rejected.Rejection.Reason, rejected.Rejection.Rev));
    }

    [Fact]
    public void Reader_OnConnecting_SubscribesToItsConfigAndUnlockTopics()
    {
        var rig = new DoorRig();

        Assert.Equal(new[] { DoorRig.ConfigTopic, DoorRig.UnlockTopic }, rig.Reader.SubscriptionTopics());
    }

    [Fact]
    public void Reader_AtBoot_DrivesTheLockAndLightsOff()
    {
        var rig = new DoorRig();

        Assert.Equal(new[] { false }, rig.Relay.Writes);
        Assert.Equal(new[] { false }, rig.Green.Writes);
        Assert.Equal(new[] { false }, rig.Red.Writes);
        Assert.Equal(new[] { false }, rig.Buzzer.Writes);
    }
}
