using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Core.Tests.Fakes;
using Occupancy.Firmware.Device;
using Occupancy.Firmware.Door;

namespace Occupancy.Firmware.Core.Tests.Door;

public sealed class DoorContactMonitorTests
{
    private const string ContactTopic = "occupancy/v1/hq/door/reader-front/evt/contact";

    private readonly FakeInput _contact = new();
    private readonly FakeClock _clock = new();
    private readonly RecordingLink _link = new();
    private readonly DoorContactMonitor _monitor;

    public DoorContactMonitorTests()
    {
        var identity = new DeviceIdentity("hq", DeviceKinds.Door, "reader-front", "1.0.0");
        _monitor = new DoorContactMonitor(identity, _contact, _clock, _link, new SequenceCounter(0));
    }

    [Fact]
    public void DoorContactMonitor_OnConnected_PublishesRetainedOnlineThenTheContact()
    {
        _monitor.OnConnected();

        Assert.Equal(2, _link.Messages.Count);
        Assert.Equal(new RecordingLink.Published("occupancy/v1/hq/door/reader-front/status", StatusPayloads.Online, true), _link.Messages[0]);
        Assert.False(Decode(_link.Messages[1]).IsOpen);
    }

    [Fact]
    public void DoorContactMonitor_WhenTheDoorOpensAndCloses_PublishesBothInOrder()
    {
        _monitor.OnConnected();
        _link.Messages.Clear();

        _contact.High = true;
        _monitor.Poll();
        _clock.Advance(3000);
        _monitor.Poll();
        _contact.High = false;
        _monitor.Poll();
        _monitor.Poll();

        Assert.Equal(2, _link.Messages.Count);
        var opened = Decode(_link.Messages[0]);
        var closed = Decode(_link.Messages[1]);
        Assert.True(opened.IsOpen);
        Assert.False(closed.IsOpen);
        Assert.True(closed.Header.Seq > opened.Header.Seq);
        Assert.Equal(3000, closed.Header.TimestampMs - opened.Header.TimestampMs);
        Assert.All(_link.Messages, m => Assert.Equal(ContactTopic, m.Topic));
    }

    private static DoorContactMessage Decode(RecordingLink.Published message)
    {
        Assert.True(DoorContactMessage.TryDecode(message.Payload, out var decoded, out var error), error);
        return decoded;
    }
}
