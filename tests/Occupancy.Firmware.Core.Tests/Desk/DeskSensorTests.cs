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
    public void DeskSensor_OnConnected_PublishesRetainedOnlineThenItsCurrentState()
    {
        _sensor.OnConnected();

        Assert.Collection(
            _link.Messages,
            m => Assert.Equal(new RecordingLink.Published(StatusTopic, StatusPayloads.Online, true), m),
            m =>
            {
                Assert.Equal(StateTopic, m.Topic);
                Assert.False(m.Retain);
                var state = Decode(m);
                Assert.Equal(DeskStates.Free, state.State);
                Assert.Equal(42, state.Header.Seq);
            });
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
        Assert.Equal(43, occupied.Header.Seq);
        Assert.Equal(44, free.Header.Seq);
        Assert.Equal(FakeClock.BootUtcMs + 1000, occupied.Header.TimestampMs);
        Assert.Equal(FakeClock.BootUtcMs + 1400 + 5000, free.Header.TimestampMs);
        Assert.Equal("1.0.0", free.Header.Firmware);
        Assert.All(_link.Messages, m => Assert.Equal(StateTopic, m.Topic));
    }

    [Fact]
    public void DeskSensor_WhileNothingChanges_PublishesNothing()
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

        Assert.Equal(2, _link.Messages.Count);
        Assert.Equal(StatusPayloads.Online, _link.Messages[0].Payload);
        Assert.Equal(DeskStates.Occupied, Decode(_link.Messages[1]).State);
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

    private void RunFor(long ms)
    {
        for (long t = 0; t < ms; t += 100)
        {
            _sensor.Poll();
            _clock.Advance(100);
        }
    }

    private static DeskStateMessage Decode(RecordingLink.Published message)
    {
        Assert.True(DeskStateMessage.TryDecode(message.Payload, out var decoded, out var error), error);
        return decoded;
    }
}
