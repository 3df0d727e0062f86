using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Desk;
using Occupancy.Testing;

namespace Occupancy.Firmware.Simulator.Tests;

/// <summary>The real firmware core on a simulated board, against a real broker.</summary>
public sealed class SimulatedDeskDeviceTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly DeskSensorOptions FastSensor = new() { OccupiedAfterMs = 200, FreeAfterMs = 1000, PresenceGapMs = 300 };

    private EmbeddedBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await EmbeddedBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task DeskDevice_WhenPresenceIsDetected_PublishesOccupiedOnItsStateTopic()
    {
        await using var probe = await MqttProbe.SubscribeAsync(_broker.Host, _broker.Port, "occupancy/v1/hq/#");
        await using var device = await StartDeskAsync("sensor-101");
        await device.WaitUntilConnectedAsync(Deadline());
        string stateTopic = device.Topic(Channels.State);
        Assert.Equal("occupancy/v1/hq/desk/sensor-101/state", stateTopic);

        device.SetPresence(true);
        await Eventually.Until(() => probe.On(stateTopic).Any(m => Decode(m).IsOccupied), Timeout, "the desk reports occupied");
        device.SetPresence(false);
        await Eventually.Until(() => probe.On(stateTopic).Select(Decode).LastOrDefault()?.State == DeskStates.Free, Timeout, "the desk reports free again");

        var states = probe.On(stateTopic).ToList();
        Assert.All(states, m => Assert.False(m.Retain));
        var seqs = states.Select(m => Decode(m).Header.Seq).ToList();
        Assert.Equal(seqs.OrderBy(s => s), seqs);
        Assert.Equal(seqs.Count, seqs.Distinct().Count());
    }

    [Fact]
    public async Task DeskDevice_WhenConnected_LeavesRetainedOnlineOnItsStatusTopic()
    {
        await using var device = await StartDeskAsync("sensor-102");
        await device.WaitUntilConnectedAsync(Deadline());
        string statusTopic = device.Topic(Channels.Status);
        await Eventually.Until(async () => await _broker.RetainedPayloadAsync(statusTopic) == StatusPayloads.Online, Timeout, "the broker holds the birth message");

        // A subscriber arriving later learns the device is online from the retained message alone.
        await using var late = await MqttProbe.SubscribeAsync(_broker.Host, _broker.Port, statusTopic);
        await Eventually.Until(() => late.On(statusTopic).Any(), Timeout, "the late subscriber gets the retained status");
        Assert.Equal(new ReceivedMessage(statusTopic, StatusPayloads.Online, Retain: true), late.On(statusTopic).First());
    }

    [Fact]
    public async Task DeskDevice_WhenItsConnectionDiesWithoutDisconnect_BrokerPublishesTheRetainedLastWill()
    {
        await using var device = await StartDeskAsync("sensor-103");
        await device.WaitUntilConnectedAsync(Deadline());
        string statusTopic = device.Topic(Channels.Status);
        await Eventually.Until(async () => await _broker.RetainedPayloadAsync(statusTopic) == StatusPayloads.Online, Timeout, "the device is online");
        await using var watcher = await MqttProbe.SubscribeAsync(_broker.Host, _broker.Port, statusTopic);

        await device.PowerOffAsync();

        await Eventually.Until(() => watcher.On(statusTopic).Any(m => m.Payload == StatusPayloads.Offline), Timeout, "the broker sends the Last Will");
        await using var late = await MqttProbe.SubscribeAsync(_broker.Host, _broker.Port, statusTopic);
        await Eventually.Until(() => late.On(statusTopic).Any(), Timeout, "a later subscriber gets the retained status");
        Assert.Equal(new ReceivedMessage(statusTopic, StatusPayloads.Offline, Retain: true), late.On(statusTopic).Single());
    }

    [Fact]
    public async Task DeskDevice_WhenDisposed_LeavesRetainedOfflineAndDisconnectsCleanly()
    {
        var device = await StartDeskAsync("sensor-104");
        await device.WaitUntilConnectedAsync(Deadline());
        string statusTopic = device.Topic(Channels.Status);

        await device.DisposeAsync();

        await Eventually.Until(async () => await _broker.RetainedPayloadAsync(statusTopic) == StatusPayloads.Offline, Timeout, "the device said goodbye");
        await Eventually.Until(async () => await _broker.ConnectedClientCountAsync() == 0, Timeout, "the device disconnected");
    }

    [Fact]
    public async Task DeskDevice_AfterABrokerRestart_ReconnectsAndSendsItsStateAgain()
    {
        await using var device = await StartDeskAsync("sensor-105");
        await device.WaitUntilConnectedAsync(Deadline());
        device.SetPresence(true);
        await Eventually.Until(() => device.IsOccupied && device.Link.Pending == 0, Timeout, "the desk is occupied and the broker has it");

        await _broker.StopAsync();
        await Eventually.Until(() => !device.Link.IsConnected, Timeout, "the device notices the broker is gone");
        await _broker.StartAgainAsync();

        string stateTopic = device.Topic(Channels.State);
        await Eventually.Until(() => device.IsConnected, Timeout, "the device reconnects");
        await Eventually.Until(() => _broker.Published.Any(m => m.Topic == stateTopic && Decode(m).IsOccupied), Timeout, "the device re-sends its state");
        Assert.Contains(new ReceivedMessage(device.Topic(Channels.Status), StatusPayloads.Online, true, "sensor-105"), _broker.Published);
        Assert.True(await _broker.RetainedPayloadAsync(device.Topic(Channels.Status)) == StatusPayloads.Online);
    }

    [Fact]
    public async Task DeskDevice_WhenTheBrokerRefusesItsLogin_BacksOffWithoutCrashingAndConnectsOnceAllowed()
    {
        _broker.AcceptLogin = e => e.UserName == "sensor-106" && e.Password == "right secret";
        await using var device = await StartDeskAsync("sensor-106", secret: "wrong secret");

        await Eventually.Until(() => _broker.ConnectAttempts.Count >= 3, Timeout, "the device tries three times");
        var attempts = _broker.ConnectAttempts.Take(3).ToList();
        Assert.All(attempts, a => Assert.False(a.Accepted));
        // The backoff waits 0.5 s then 1 s (each -20 % at most): a busy machine can only make the gaps longer.
        var firstWait = attempts[1].At - attempts[0].At;
        var secondWait = attempts[2].At - attempts[1].At;
        Assert.True(firstWait.TotalMilliseconds >= 390, $"the first retry waits: {firstWait.TotalMilliseconds} ms");
        Assert.True(secondWait.TotalMilliseconds >= 790, $"the second wait is longer: {secondWait.TotalMilliseconds} ms");
        Assert.False(device.IsConnected);
        Assert.Equal(0, device.Link.Connections);

        device.SetPresence(true);
        _broker.AcceptLogin = _ => true;

        await Eventually.Until(() => device.IsConnected, Timeout, "the device connects once its login is accepted");
        string stateTopic = device.Topic(Channels.State);
        await Eventually.Until(() => _broker.Published.Any(m => m.Topic == stateTopic && Decode(m).IsOccupied), Timeout, "the state decided while refused arrives");
    }

    [Fact]
    public async Task DeskDevice_WithAnMmWaveSensor_StaysOccupiedWhileThePersonSitsStill()
    {
        var settings = new DeviceSettings(_broker.Host, _broker.Port, "hq", "sensor-107") { PresenceSensor = PresenceSensorKind.MmWave, PollInterval = TimeSpan.FromMilliseconds(20) };
        await using var device = await SimulatedDeskDevice.StartAsync(settings, FastSensor);
        await device.WaitUntilConnectedAsync(Deadline());

        device.SetOccupant(OccupantActivity.Moving);
        await Eventually.Until(() => device.IsOccupied, Timeout, "the radar sees someone arrive");
        device.SetOccupant(OccupantActivity.Still);
        long framesBefore = Radar(device).Parser.FramesParsed;
        await Eventually.Until(() => Radar(device).Parser.FramesParsed > framesBefore + 100, Timeout, "the radar keeps reporting, several free-after times long");

        Assert.True(device.IsOccupied); // a PIR would have let the desk go free after 1 s
        Assert.Equal(0, Radar(device).Parser.FramesRejected);
        device.SetOccupant(OccupantActivity.Absent);
        await Eventually.Until(() => !device.IsOccupied, Timeout, "the desk goes free once the person leaves");
    }

    [Fact]
    public async Task DeskDevice_TakesItsSettingsFromTheRetainedConfigTopicAndRejectsBadOnes()
    {
        await using var probe = await MqttProbe.SubscribeAsync(_broker.Host, _broker.Port, "occupancy/v1/hq/desk/sensor-108/#");
        await using var device = await StartDeskAsync("sensor-108");
        await device.WaitUntilConnectedAsync(Deadline());
        string configTopic = device.Topic(Channels.Config);

        await probe.PublishAsync(configTopic, new DeskConfigMessage(7, 500, 90000, 1000, 60000, 80).Encode(), retain: true);
        await Eventually.Until(() => device.Sensor.FreeAfterMs == 90000, Timeout, "the config is applied");
        await Eventually.Until(() => probe.On(device.Topic(Channels.Health)).Any(m => m.Payload.Contains("\"configRev\":7", StringComparison.Ordinal)), Timeout, "the heartbeat confirms rev 7");

        await probe.PublishAsync(configTopic, "{\"rev\":8,\"freeAfterMs\":5}", retain: true);
        await Eventually.Until(() => probe.On(device.Topic(Channels.ConfigRejected)).Any(), Timeout, "the bad config is reported");

        Assert.True(ConfigRejectedMessage.TryDecode(probe.On(device.Topic(Channels.ConfigRejected)).Single().Payload, out var rejected, out _));
        Assert.Equal((8L, "freeAfterMs", RejectionReasons.OutOfRange), (rejected.Rejection.Rev, rejected.Rejection.Field, rejected.Rejection.Reason));
        Assert.Equal(90000, device.Sensor.FreeAfterMs);
        Assert.Equal(7, device.Runtime.ConfigRev);
    }

    [Fact]
    public async Task DeskDevice_AfterAReboot_ContinuesItsSequenceFromFlash()
    {
        var flash = new MemorySequenceStore(0);
        var settings = new DeviceSettings(_broker.Host, _broker.Port, "hq", "sensor-109") { SequenceStore = flash };
        long lastBefore;
        await using (var first = await SimulatedDeskDevice.StartAsync(settings, FastSensor))
        {
            await first.WaitUntilConnectedAsync(Deadline());
            await Eventually.Until(() => _broker.Published.Count(m => m.ClientId == "sensor-109" && m.Topic.EndsWith("/evt/health", StringComparison.Ordinal)) >= 1, Timeout, "the first boot's heartbeat arrives");
            lastBefore = _broker.Published.Where(m => m.ClientId == "sensor-109").Select(m => SeqOf(m.Payload)).Max();
            await first.PowerOffAsync();
        }

        await using var second = await SimulatedDeskDevice.StartAsync(settings, FastSensor);
        await second.WaitUntilConnectedAsync(Deadline());
        string stateTopic = second.Topic(Channels.State);
        await Eventually.Until(() => _broker.Published.Count(m => m.Topic == stateTopic) == 2, Timeout, "the second boot reports its state");

        long firstAfter = Decode(_broker.Published.Where(m => m.Topic == stateTopic).Last()).Header.Seq;
        Assert.True(firstAfter > lastBefore, $"{firstAfter} must follow {lastBefore}");
        Assert.Equal(2, flash.Writes); // one block leased per boot
    }

    private static long SeqOf(string payload) =>
        Occupancy.Firmware.Json.FlatJsonObject.TryParse(payload, out var json, out _) && json.TryGetLong("seq", out long seq) ? seq : -1;

    private static Occupancy.Firmware.Presence.Ld2410PresenceInput Radar(SimulatedDeskDevice device) => device.Radar!;

    private Task<SimulatedDeskDevice> StartDeskAsync(string deviceId, string secret = "") =>
        SimulatedDeskDevice.StartAsync(new DeviceSettings(_broker.Host, _broker.Port, "hq", deviceId, secret), FastSensor);

    private static CancellationToken Deadline() => new CancellationTokenSource(Timeout).Token;

    private static DeskStateMessage Decode(ReceivedMessage message)
    {
        Assert.True(DeskStateMessage.TryDecode(message.Payload, out var decoded, out var error), error);
        return decoded;
    }
}
