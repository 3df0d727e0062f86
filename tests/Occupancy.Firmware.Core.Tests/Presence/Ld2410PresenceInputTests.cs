using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Core.Tests.Fakes;
using Occupancy.Firmware.Desk;
using Occupancy.Firmware.Device;
using Occupancy.Firmware.Presence;

namespace Occupancy.Firmware.Core.Tests.Presence;

public sealed class Ld2410PresenceInputTests
{
    private readonly FakeByteStream _uart = new() { MaxChunk = 7 };
    private readonly Ld2410PresenceInput _radar;

    public Ld2410PresenceInputTests()
    {
        _radar = new Ld2410PresenceInput(_uart);
    }

    [Fact]
    public void Radar_BeforeAnyFrame_SeesNobody()
    {
        Assert.False(_radar.Read());
    }

    [Fact]
    public void Radar_AStationaryTargetAboveTheThreshold_IsPresence()
    {
        _uart.Receive(Ld2410FrameParserTests.Stationary); // stationary energy 59 >= 50

        Assert.True(_radar.Read());
    }

    [Fact]
    public void Radar_NoTargetDespiteBackgroundEnergy_IsNoPresence()
    {
        _uart.Receive(Ld2410FrameParserTests.MovingAndStationary);
        Assert.True(_radar.Read());

        _uart.Receive(Ld2410FrameParserTests.NoTarget);

        Assert.False(_radar.Read());
    }

    [Theory]
    [InlineData(40, false)] // threshold 60: energy 59 is too faint
    [InlineData(41, true)]  // threshold 59
    [InlineData(100, true)]
    [InlineData(0, false)]
    public void Radar_Sensitivity_DecidesWhetherAFaintTargetCounts(int sensitivity, bool present)
    {
        _radar.SetSensitivity(sensitivity);
        _uart.Receive(Ld2410FrameParserTests.Stationary);

        Assert.Equal(present, _radar.Read());
    }

    [Fact]
    public void Radar_BetweenFrames_KeepsTheLastReading()
    {
        _uart.Receive(Ld2410FrameParserTests.Stationary);
        Assert.True(_radar.Read());

        Assert.True(_radar.Read());
    }

    [Fact]
    public void DeskWithRadar_KeepsADeskOccupiedWhileThePersonSitsStill()
    {
        // A PIR would see nothing for the whole hour; the radar reports a stationary target.
        var clock = new FakeClock();
        var link = new RecordingLink();
        var sensor = new DeskSensor(new DeviceIdentity("hq", DeviceKinds.Desk, "sensor-201", "1.0.0"), new DeskSensorOptions(), _radar, clock, link, new SequenceCounter(0));
        sensor.OnConnected();
        link.Messages.Clear();

        for (int t = 0; t < 3600_000; t += 100)
        {
            _uart.Receive(t < 15000 ? Ld2410FrameParserTests.MovingAndStationary : Ld2410FrameParserTests.Stationary);
            sensor.Poll();
            clock.Advance(100);
        }

        Assert.True(sensor.IsOccupied);
        var state = Assert.Single(link.On(Channels.State));
        Assert.Contains("\"occupied\"", state, StringComparison.Ordinal);
        Assert.Equal(36000, _radar.Parser.FramesParsed);
        Assert.Equal(0, _radar.Parser.FramesRejected);
    }
}
