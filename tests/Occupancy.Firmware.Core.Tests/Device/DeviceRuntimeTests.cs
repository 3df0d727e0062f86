using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Core.Tests.Fakes;
using Occupancy.Firmware.Desk;
using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Core.Tests.Device;

/// <summary>Heartbeat, offline queue, reconnect counting and sequence persistence, through a desk sensor.</summary>
public sealed class DeviceRuntimeTests
{
    private readonly FakeInput _pir = new();
    private readonly FakeClock _clock = new();
    private readonly RecordingLink _link = new();
    private readonly FakeBoard _board = new() { Rssi = -61, SupplyMv = 3290 };
    private readonly MemorySequenceStore _flash = new();

    [Fact]
    public void Heartbeat_GoesOutOnConnectingAndThenEveryInterval()
    {
        var sensor = Desk(new DeskSensorOptions { HeartbeatMs = 60000 });
        sensor.OnConnected();

        Run(sensor, 185000);

        var beats = _link.On(Channels.Health).Select(DecodeHealth).ToList();
        Assert.Equal(new long[] { 0, 60, 120, 180 }, beats.Select(h => h.UptimeS));
        Assert.All(beats, h => Assert.Equal(60000, h.HeartbeatMs));
        Assert.All(beats, h => Assert.Equal(-61, h.RssiDbm));
        Assert.All(beats, h => Assert.Equal(3290, h.SupplyMv));
    }

    [Fact]
    public void Heartbeat_WithTheDefaultInterval_ComesEveryFiveMinutes()
    {
        var sensor = Desk(new DeskSensorOptions());
        sensor.OnConnected();

        Run(sensor, 16 * 60000);

        Assert.Equal(new long[] { 0, 300, 600, 900 }, _link.On(Channels.Health).Select(p => DecodeHealth(p).UptimeS));
    }

    [Fact]
    public void Heartbeat_OnABoardWithoutMeasurements_LeavesRssiAndSupplyOut()
    {
        _board.Rssi = null;
        _board.SupplyMv = null;
        var sensor = Desk(new DeskSensorOptions());

        sensor.OnConnected();

        string payload = Assert.Single(_link.On(Channels.Health));
        Assert.DoesNotContain("rssiDbm", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("supplyMv", payload, StringComparison.Ordinal);
        Assert.False(DecodeHealth(payload).HasRssi);
    }

    [Fact]
    public void Heartbeat_WhileDisconnected_IsNotQueuedButSentAgainOnReconnecting()
    {
        var sensor = Desk(new DeskSensorOptions { HeartbeatMs = 60000 });
        sensor.OnConnected();
        _link.IsConnected = false;
        Run(sensor, 300000);
        _link.IsConnected = true;
        _link.Messages.Clear();

        sensor.OnConnected();

        var beat = DecodeHealth(Assert.Single(_link.On(Channels.Health)));
        Assert.Equal(300, beat.UptimeS);
        Assert.Equal(1, beat.Reconnects);
    }

    [Fact]
    public void OfflineQueue_SendsEveryChangeInOrderAfterReconnecting()
    {
        var sensor = Desk(new DeskSensorOptions { OccupiedAfterMs = 1000, FreeAfterMs = 2000, PresenceGapMs = 200 });
        sensor.OnConnected();
        _link.IsConnected = false;
        for (int i = 0; i < 5; i++)
        {
            _pir.High = true;
            Run(sensor, 1500);
            _pir.High = false;
            Run(sensor, 2500);
        }

        _link.IsConnected = true;
        _link.Messages.Clear();
        sensor.OnConnected();

        var states = _link.On(Channels.State).Select(DecodeState).ToList();
        Assert.Equal(10, states.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i % 2 == 0 ? DeskStates.Occupied : DeskStates.Free), states.Select(s => s.State));
        Assert.Equal(states.Select(s => s.Header.Seq).Order(), states.Select(s => s.Header.Seq));
        Assert.Equal(states.Select(s => s.Header.TimestampMs).Order(), states.Select(s => s.Header.TimestampMs));
        Assert.Equal("status", _link.Channels()[0]);
        Assert.Equal(0, DecodeHealth(_link.On(Channels.Health).Single()).Dropped);
    }

    [Fact]
    public void OfflineQueue_WhenItOverflows_DropsTheOldestKeepsTheNewestAndReportsTheCount()
    {
        var runtime = new DeviceRuntime(Identity(), _clock, _link, new SequenceCounter(_flash, 100), _board, queueCapacity: 4);
        var sensor = new DeskSensor(runtime, new DeskSensorOptions { OccupiedAfterMs = 1000, FreeAfterMs = 2000, PresenceGapMs = 200 }, _pir);
        sensor.OnConnected();
        _link.IsConnected = false;
        for (int i = 0; i < 5; i++)
        {
            _pir.High = true;
            Run(sensor, 1500);
            _pir.High = false;
            Run(sensor, 2500);
        }

        _link.IsConnected = true;
        _link.Messages.Clear();
        sensor.OnConnected();

        // Ten changes, room for four: the first six are gone, the newest four go out in order.
        var states = _link.On(Channels.State).Select(DecodeState).ToList();
        Assert.Equal(new[] { DeskStates.Occupied, DeskStates.Free, DeskStates.Occupied, DeskStates.Free }, states.Select(s => s.State));
        var health = DecodeHealth(_link.On(Channels.Health).Single());
        Assert.Equal(6, health.Dropped);
        Assert.Equal(6, runtime.Dropped);
    }

    [Fact]
    public void Sequence_AfterAReboot_ContinuesPastTheLastRunAndTheEdgeSeesItGoOn()
    {
        var firstBoot = Desk(new DeskSensorOptions(), blockSize: 10);
        firstBoot.OnConnected();
        Run(firstBoot, 1000);
        long lastBeforeReboot = LastSeq();

        // Reboot: new clock, new link, same flash.
        var clock = new FakeClock();
        var link = new RecordingLink();
        var secondBoot = new DeskSensor(new DeviceRuntime(Identity(), clock, link, new SequenceCounter(_flash, 10), _board, 64), new DeskSensorOptions(), _pir);
        secondBoot.OnConnected();

        long firstAfterReboot = DecodeState(link.On(Channels.State).First()).Header.Seq;
        Assert.True(firstAfterReboot > lastBeforeReboot, $"{firstAfterReboot} must follow {lastBeforeReboot}");
        Assert.Equal(0, DecodeHealth(link.On(Channels.Health).Single()).UptimeS);
    }

    [Fact]
    public void Sequence_IsSharedByEveryChannelSoTheWireOrderIsTheSeqOrder()
    {
        var sensor = Desk(new DeskSensorOptions { OccupiedAfterMs = 0, HeartbeatMs = 10000 });
        sensor.OnConnected();
        _pir.High = true;
        Run(sensor, 25000);

        var seqs = _link.Messages.Where(m => !m.Topic.EndsWith("/status", StringComparison.Ordinal))
            .Select(m => Occupancy.Firmware.Json.FlatJsonObject.TryParse(m.Payload, out var json, out _) && json.TryGetLong("seq", out var seq) ? seq : -1)
            .ToList();
        Assert.Equal(seqs.Order(), seqs);
        Assert.Equal(seqs.Count, seqs.Distinct().Count());
    }

    private DeskSensor Desk(DeskSensorOptions options, long blockSize = 100) =>
        new(new DeviceRuntime(Identity(), _clock, _link, new SequenceCounter(_flash, blockSize), _board, DeviceRuntime.DefaultQueueCapacity), options, _pir);

    private static DeviceIdentity Identity() => new("hq", DeviceKinds.Desk, "sensor-101", "1.0.0");

    private long LastSeq() => _link.Messages.Where(m => m.Payload.StartsWith('{')).Select(m => DecodeAny(m.Payload)).Max();

    private static long DecodeAny(string payload)
    {
        Assert.True(Occupancy.Firmware.Json.FlatJsonObject.TryParse(payload, out var json, out var error), error);
        Assert.True(json.TryGetLong("seq", out var seq));
        return seq;
    }

    private void Run(DeskSensor sensor, long ms)
    {
        for (long t = 0; t < ms; t += 100)
        {
            sensor.Poll();
            _clock.Advance(100);
        }
    }

    private static HealthMessage DecodeHealth(string payload)
    {
        Assert.True(HealthMessage.TryDecode(payload, out var message, out var error), error);
        return message;
    }

    private static DeskStateMessage DecodeState(string payload)
    {
        Assert.True(DeskStateMessage.TryDecode(payload, out var message, out var error), error);
        return message;
    }
}
