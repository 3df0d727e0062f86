using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Core.Tests.Fakes;
using Occupancy.Firmware.Desk;
using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Core.Tests.Desk;

public sealed class DeskSensorTests
{
    private const string StateTopic = "occupancy/v1/hq/desk/sensor-101/state";
    private const string StatusTopic = "occupancy/v1/hq/desk/sensor-101/status";

    private readonly FakeInput _pir = new();
    private readonly FakeClock _clock = new();
    private readonly RecordingLink _link = new();
    private readonly DeskSensor _sensor;

    public DeskSensorTests()
    {
        var identity = new DeviceIdentity("hq", DeviceKinds.Desk, "sensor-101", "1.0.0");
        var options = new DeskSensorOptions { OccupiedAfterMs = 1000, FreeAfterMs = 5000, PresenceGapMs = 500 };
        _sensor = new DeskSensor(identity, options, _pir, _clock, _link, new SequenceCounter(41));
    }

    [Fact]
    public void DeskSensor_OnConnected_PublishesRetainedOnlineThenItsCurrentStateThenAHeartbeat()
    {
        _sensor.OnConnected();

        Assert.Equal(new[] { "status", "state", "evt/health" }, _link.Channels());
        Assert.Equal(new RecordingLink.Published(StatusTopic, StatusPayloads.Online, true), _link.Messages[0]);
        var state = Decode(_link.Messages[1]);
        Assert.Equal(StateTopic, _link.Messages[1].Topic);
        Assert.False(_link.Messages[1].Retain);
        Assert.Equal(DeskStates.Free, state.State);
        Assert.Equal(42, state.Header.Seq);
    }

    [Fact]
    public void DeskSensor_WhenOccupancyChanges_PublishesEachChangeWithIncreasingSeqAndTheClocksTime()
    {
        _sensor.OnConnected();
        _link.Messages.Clear();

        _pir.High = true;
        RunFor(1500); // polls at 0..1400 ms see presence
        _pir.High = false;
        RunFor(6000);

        Assert.Equal(2, _link.Messages.Count);
        var occupied = Decode(_link.Messages[0]);
        var free = Decode(_link.Messages[1]);
        Assert.Equal(DeskStates.Occupied, occupied.State);
        Assert.Equal(DeskStates.Free, free.State);
        Assert.Equal(44, occupied.Header.Seq); // 42 and 43 went to the state and heartbeat on connecting
        Assert.Equal(45, free.Header.Seq);
        Assert.Equal(FakeClock.BootUtcMs + 1000, occupied.Header.TimestampMs);
        Assert.Equal(FakeClock.BootUtcMs + 1400 + 5000, free.Header.TimestampMs);
        Assert.Equal("1.0.0", free.Header.Firmware);
        Assert.All(_link.Messages, m => Assert.Equal(StateTopic, m.Topic));
    }

    [Fact]
    public void DeskSensor_WhenSomeoneWalksPastForLessThanTheOccupiedAfterTime_StaysFree()
    {
        _sensor.OnConnected();
        _link.Messages.Clear();

        _pir.High = true;
        RunFor(800);
        _pir.High = false;
        RunFor(10000);

        Assert.False(_sensor.IsOccupied);
        Assert.Empty(_link.Messages);
    }

    [Fact]
    public void DeskSensor_WhileNothingChanges_PublishesNothingButHeartbeats()
    {
        _sensor.OnConnected();
        _link.Messages.Clear();

        RunFor(60000);

        Assert.Empty(_link.Messages);
    }

    [Fact]
    public void DeskSensor_WhenOccupancyChangesWhileDisconnected_SendsItOnceReconnected()
    {
        _sensor.OnConnected();
        _link.Messages.Clear();
        _link.IsConnected = false;

        _pir.High = true;
        RunFor(1500);
        Assert.True(_sensor.IsOccupied);
        Assert.Empty(_link.Messages);

        _link.IsConnected = true;
        _sensor.OnConnected();
        RunFor(1000);

        Assert.Equal(new[] { "status", "state", "evt/health" }, _link.Channels());
        Assert.Equal(StatusPayloads.Online, _link.Messages[0].Payload);
        var occupied = Decode(_link.Messages[1]);
        Assert.Equal(DeskStates.Occupied, occupied.State);
        Assert.Equal(FakeClock.BootUtcMs + 1000, occupied.Header.TimestampMs); // stamped when it happened, not when sent
    }

    [Fact]
    public void DeskSensor_WhenTheLinkComesBackBeforeTheCallback_SendsThePendingChangeFromTheLoop()
    {
        _sensor.OnConnected();
        _link.Messages.Clear();
        _link.IsConnected = false;
        _pir.High = true;
        RunFor(1500);

        _link.IsConnected = true;
        RunFor(100);

        var state = Assert.Single(_link.Messages);
        Assert.Equal(DeskStates.Occupied, Decode(state).State);
    }

    [Fact]
    public void DeskSensor_WhenThePublishIsRefused_TriesAgainOnTheNextPoll()
    {
        _sensor.OnConnected();
        _link.Messages.Clear();
        _link.Accepts = false;
        _pir.High = true;
        RunFor(1500);
        Assert.Empty(_link.Messages);

        _link.Accepts = true;
        RunFor(100);

        Assert.Equal(DeskStates.Occupied, Decode(Assert.Single(_link.Messages)).State);
    }

    [Fact]
    public void DeskSensor_WithTheDefaultTimings_StaysOccupiedWhileTheReaderSitsStillForNineMinutes()
    {
        var link = new RecordingLink();
        var clock = new FakeClock();
        var pir = new FakeInput();
        var sensor = new DeskSensor(new DeviceIdentity("hq", DeviceKinds.Desk, "sensor-101", "1.0.0"), new DeskSensorOptions(), pir, clock, link, new SequenceCounter(0));
        sensor.OnConnected();
        link.Messages.Clear();

        pir.High = true;
        Run(sensor, clock, 12000);
        Assert.True(sensor.IsOccupied);
        pir.High = false;
        Run(sensor, clock, 9 * 60000);
        Assert.True(sensor.IsOccupied);
        Run(sensor, clock, 61000);

        Assert.False(sensor.IsOccupied);
        Assert.Equal(new[] { DeskStates.Occupied, DeskStates.Free }, link.On(Channels.State).Select(p => DeskStateMessage.TryDecode(p, out var m, out _) ? m.State : "?"));
    }

    private void RunFor(long ms) => Run(_sensor, _clock, ms);

    private static void Run(DeskSensor sensor, FakeClock clock, long ms)
    {
        for (long t = 0; t < ms; t += 100)
        {
            sensor.Poll();
            clock.Advance(100);
        }
    }

    private static DeskStateMessage Decode(RecordingLink.Published message)
    {
        Assert.True(DeskStateMessage.TryDecode(message.Payload, out var decoded, out var error), error);
        return decoded;
    }
}
