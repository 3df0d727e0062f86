using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Core.Tests.Fakes;
using Occupancy.Firmware.Desk;
using Occupancy.Firmware.Device;
using Occupancy.Firmware.Presence;

namespace Occupancy.Firmware.Core.Tests.Desk;

/// <summary>Remote configuration of a desk sensor from its retained config topic.</summary>
public sealed class DeskConfigTests
{
    private const string ConfigTopic = "occupancy/v1/hq/desk/sensor-101/config";

    private readonly FakeClock _clock = new();
    private readonly RecordingLink _link = new();
    private readonly FakeInput _pir = new();
    private readonly DeskSensor _sensor;

    public DeskConfigTests()
    {
        _sensor = new DeskSensor(new DeviceIdentity("hq", DeviceKinds.Desk, "sensor-101", "1.0.0"), new DeskSensorOptions(), _pir, _clock, _link, new SequenceCounter(0));
        _sensor.OnConnected();
        _link.Messages.Clear();
    }

    [Fact]
    public void Config_WhenValid_IsAppliedAndTheHeartbeatSaysWhichRevIsInForce()
    {
        _sensor.OnMessage(ConfigTopic, """{"rev":3,"occupiedAfterMs":2000,"freeAfterMs":120000,"presenceGapMs":3000,"heartbeatMs":60000,"sensitivity":70}""", retained: true);

        Assert.Equal(2000, _sensor.OccupiedAfterMs);
        Assert.Equal(120000, _sensor.FreeAfterMs);
        Assert.Equal(3000, _sensor.PresenceGapMs);
        Assert.Equal(70, _sensor.Sensitivity);
        Assert.Equal(60000, _sensor.Runtime.HeartbeatMs);
        var health = Decode<HealthMessage>(Assert.Single(_link.On(Channels.Health)));
        Assert.Equal(3, health.ConfigRev);
        Assert.Equal(60000, health.HeartbeatMs);
    }

    [Fact]
    public void Config_NewTimings_ChangeWhenTheDeskIsReportedOccupied()
    {
        _sensor.OnMessage(ConfigTopic, """{"rev":1,"occupiedAfterMs":500}""", retained: true);

        _pir.High = true;
        for (int t = 0; t <= 500; t += 100)
        {
            _sensor.Poll();
            _clock.Advance(100);
        }

        Assert.True(_sensor.IsOccupied);
    }

    [Fact]
    public void Config_FieldsLeftOut_TakeTheFirmwareDefaults()
    {
        _sensor.OnMessage(ConfigTopic, """{"rev":1,"freeAfterMs":60000}""", retained: true);
        _sensor.OnMessage(ConfigTopic, """{"rev":2}""", retained: true);

        Assert.Equal(DeskConfigMessage.DefaultFreeAfterMs, _sensor.FreeAfterMs);
        Assert.Equal(DeskConfigMessage.DefaultOccupiedAfterMs, _sensor.OccupiedAfterMs);
        Assert.Equal(2, _sensor.Runtime.ConfigRev);
    }

    [Theory]
    [InlineData("""{"rev":4,"freeAfterMs":10}""", "freeAfterMs", RejectionReasons.OutOfRange)]
    [InlineData("""{"rev":4,"freeAfterMs":"600000"}""", "freeAfterMs", RejectionReasons.WrongType)]
    [InlineData("""{"rev":4,"heartbeatMs":1000}""", "heartbeatMs", RejectionReasons.OutOfRange)]
    [InlineData("""{"rev":4,"sensitivity":101}""", "sensitivity", RejectionReasons.OutOfRange)]
    [InlineData("""{"rev":4,"occupiedAfterMs":-1}""", "occupiedAfterMs", RejectionReasons.OutOfRange)]
    [InlineData("""{"rev":4,"freeAfterMs":20000,"presenceGapMs":30000}""", "presenceGapMs", RejectionReasons.Inconsistent)]
    [InlineData("""{"freeAfterMs":60000}""", "rev", RejectionReasons.Missing)]
    [InlineData("""{"rev":4,"freeAfterMs":60000.5}""", "", RejectionReasons.Malformed)]
    [InlineData("""not json""", "", RejectionReasons.Malformed)]
    public void Config_WhenInvalid_IsRejectedReportedAndNeverApplied(string payload, string field, string reason)
    {
        _sensor.OnMessage(ConfigTopic, """{"rev":3,"freeAfterMs":60000}""", retained: true);
        _link.Messages.Clear();

        _sensor.OnMessage(ConfigTopic, payload, retained: true);

        Assert.Equal(60000, _sensor.FreeAfterMs);
        Assert.Equal(DeskConfigMessage.DefaultOccupiedAfterMs, _sensor.OccupiedAfterMs);
        Assert.Equal(ConfigFields.DefaultHeartbeatMs, _sensor.Runtime.HeartbeatMs);
        Assert.Equal(3, _sensor.Runtime.ConfigRev);
        var rejected = Decode<ConfigRejectedMessage>(Assert.Single(_link.On(Channels.ConfigRejected))).Rejection;
        Assert.Equal(field, rejected.Field);
        Assert.Equal(reason, rejected.Reason);
        Assert.Equal(payload.Contains("\"rev\":4", StringComparison.Ordinal) && reason != RejectionReasons.Malformed ? 4 : 0, rejected.Rev);
        Assert.Equal(1, _sensor.Runtime.Rejected);
    }

    [Fact]
    public void Config_OnAnotherDevicesTopic_IsIgnored()
    {
        _sensor.OnMessage("occupancy/v1/hq/desk/sensor-102/config", """{"rev":9,"freeAfterMs":60000}""", retained: true);

        Assert.Equal(DeskConfigMessage.DefaultFreeAfterMs, _sensor.FreeAfterMs);
        Assert.Empty(_link.Messages);
    }

    [Fact]
    public void Config_Sensitivity_MovesTheMmWaveEnergyThreshold()
    {
        var radar = new Ld2410PresenceInput(new FakeByteStream());
        var sensor = new DeskSensor(new DeviceIdentity("hq", DeviceKinds.Desk, "sensor-101", "1.0.0"), new DeskSensorOptions(), radar, _clock, _link, new SequenceCounter(0));
        Assert.Equal(50, radar.EnergyThreshold);

        sensor.OnMessage(ConfigTopic, """{"rev":1,"sensitivity":80}""", retained: true);

        Assert.Equal(20, radar.EnergyThreshold);
    }

    [Fact]
    public void Config_RepeatedOnReconnect_DoesNotSendAnotherHeartbeat()
    {
        _sensor.OnMessage(ConfigTopic, """{"rev":5}""", retained: true);
        _sensor.OnMessage(ConfigTopic, """{"rev":5}""", retained: true);

        Assert.Single(_link.On(Channels.Health));
    }

    private static T Decode<T>(string payload)
    {
        object? message = null;
        string? error = null;
        bool ok = typeof(T) == typeof(HealthMessage)
            ? HealthMessage.TryDecode(payload, out var health, out error) && (message = health) is not null
            : ConfigRejectedMessage.TryDecode(payload, out var rejected, out error) && (message = rejected) is not null;
        Assert.True(ok, error);
        return (T)message!;
    }
}
