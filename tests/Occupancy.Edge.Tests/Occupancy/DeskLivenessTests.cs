using System.Buffers;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Occupancy.Edge.Ingest;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Options;
using Occupancy.Firmware.Contract;
using Occupancy.Testing;
using static Microsoft.Extensions.Options.Options;

namespace Occupancy.Edge.Tests.Occupancy;

/// <summary>A desk whose sensor falls silent for 2.5 heartbeats becomes unknown, on the edge's (fake) clock, durably.</summary>
public sealed class DeskLivenessTests : IDisposable
{
    private const string Sensor = "sensor-1";
    private const string Desk = "desk-1";
    private const long HeartbeatMs = 10_000;

    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-27T09:00:00Z"));
    private readonly SiteDirectory _site;
    private readonly DeskLiveness _liveness;
    private TestOutbox _outbox;
    private DeviceMessageHandler _handler;
    private DeskLivenessService _service;
    private long _seq;

    public DeskLivenessTests()
    {
        _site = TestSite.LoadedDirectory(_data.Path);
        _liveness = new DeskLiveness(_time);
        _outbox = new TestOutbox(_data.Path);
        (_handler, _service) = Build();
    }

    public void Dispose()
    {
        _outbox.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task SensorSilentForTwoAndAHalfHeartbeats_MakesItsDeskUnknown_RecordedInTheOutbox()
    {
        await ReportAsync(DeskStates.Occupied);
        await HeartbeatAsync();

        _time.Advance(TimeSpan.FromMilliseconds((2.5 * HeartbeatMs) - 1));
        Assert.Equal(0, _service.Sweep());
        Assert.Equal(DeskStates.Occupied, StateOfDesk());

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _service.Sweep());

        Assert.Equal(DeskStates.Unknown, StateOfDesk());
        var change = Assert.IsType<DeskChange>(Records()[^1].Event);
        Assert.Equal((Desk, DeskStates.Unknown, _time.GetUtcNow().ToUnixTimeMilliseconds()), (change.DeskId, change.State, change.TimestampMs));
    }

    [Fact]
    public async Task SilentDesk_IsRecordedOnce_HoweverLongTheSilenceLasts()
    {
        await HeartbeatAsync();
        await ReportAsync(DeskStates.Free);
        _time.Advance(TimeSpan.FromMilliseconds(3 * HeartbeatMs));
        _service.Sweep();
        int records = Records().Count;

        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, _service.Sweep());
        Assert.Equal(records, Records().Count);
    }

    [Fact]
    public async Task SensorHeardWithinItsAllowance_KeepsItsDesk()
    {
        await HeartbeatAsync();
        await ReportAsync(DeskStates.Occupied);
        for (int i = 0; i < 5; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(2 * HeartbeatMs));
            await HeartbeatAsync();
            _service.Sweep();
        }

        Assert.Equal(DeskStates.Occupied, StateOfDesk());
    }

    [Fact]
    public async Task SensorThatNeverSentAHeartbeat_GetsTheFirmwareDefaultInterval()
    {
        await ReportAsync(DeskStates.Occupied);

        _time.Advance(TimeSpan.FromMilliseconds((2.5 * ConfigFields.DefaultHeartbeatMs) - 1));
        _service.Sweep();
        Assert.Equal(DeskStates.Occupied, StateOfDesk());

        _time.Advance(TimeSpan.FromMilliseconds(1));
        _service.Sweep();
        Assert.Equal(DeskStates.Unknown, StateOfDesk());
    }

    [Fact]
    public async Task DeskUnknownForSilence_ReturnsOnTheSensorsNextStateReport()
    {
        await HeartbeatAsync();
        await ReportAsync(DeskStates.Occupied);
        GoSilent();

        await ReportAsync(DeskStates.Free);

        Assert.Equal(DeskStates.Free, StateOfDesk());
        Assert.Equal(
            [DeskStates.Occupied, DeskStates.Unknown, DeskStates.Free],
            Records().Select(e => e.Event).OfType<DeskChange>().Select(c => c.State));
    }

    [Fact]
    public async Task DeskUnknownForSilence_ReturnsToItsLastReportedState_OnTheSensorsNextHeartbeat()
    {
        await HeartbeatAsync();
        await ReportAsync(DeskStates.Occupied);
        GoSilent();

        await HeartbeatAsync();

        Assert.Equal(DeskStates.Occupied, StateOfDesk());
        var back = Records().Select(e => e.Event).OfType<DeskChange>().Last();
        Assert.Equal((DeskStates.Occupied, _seq), (back.State, back.Seq));
    }

    [Fact]
    public async Task DeskUnknownForSilence_IsStillUnknownAfterARestart_AndComesBackWithTheNextHeartbeat()
    {
        await HeartbeatAsync();
        await ReportAsync(DeskStates.Occupied);
        GoSilent();

        _outbox = _outbox.Reopen();
        (_handler, _service) = Build();

        Assert.Equal(DeskStates.Unknown, StateOfDesk());
        await HeartbeatAsync();
        Assert.Equal(DeskStates.Occupied, StateOfDesk());
    }

    [Fact]
    public async Task LastWill_MakesTheDeskUnknownAtOnce_AndDoesNotCountAsBeingHeard()
    {
        await HeartbeatAsync();
        await ReportAsync(DeskStates.Occupied);

        Assert.True(await HandleAsync("status", StatusPayloads.Offline));

        Assert.Equal(DeskStates.Unknown, StateOfDesk());
        _time.Advance(TimeSpan.FromMilliseconds(3 * HeartbeatMs));
        _service.Sweep();
        Assert.Single(Records().Select(e => e.Event).OfType<DeskChange>(), c => c.State == DeskStates.Unknown);
    }

    [Fact]
    public async Task LivenessService_SweepsOnTheEdgesClock()
    {
        await HeartbeatAsync();
        await ReportAsync(DeskStates.Occupied);
        await _service.StartAsync(CancellationToken.None);
        try
        {
            // The fake clock moves a second at a time, as the service's sweeps do.
            await Eventually.Until(
                () =>
                {
                    _time.Advance(DeskLivenessService.SweepInterval);
                    return StateOfDesk() == DeskStates.Unknown;
                },
                TimeSpan.FromSeconds(10),
                "the service has found the silent desk");
        }
        finally
        {
            await _service.StopAsync(CancellationToken.None);
        }

        Assert.InRange(_time.GetUtcNow() - DateTimeOffset.Parse("2026-11-27T09:00:00Z"), TimeSpan.FromMilliseconds(2.5 * HeartbeatMs), TimeSpan.FromMinutes(1));
    }

    private (DeviceMessageHandler, DeskLivenessService) Build()
    {
        var handler = new DeviceMessageHandler(
            _site,
            _outbox.Recorder,
            _outbox.Log,
            new RejectionCounter(NullLogger<RejectionCounter>.Instance, _time),
            _time,
            Create(TestSite.Options(_data.Path)),
            Create(new MqttOptions()),
            liveness: _liveness);
        var service = new DeskLivenessService(_liveness, _site, _outbox.Recorder, _time, NullLogger<DeskLivenessService>.Instance);
        return (handler, service);
    }

    private void GoSilent()
    {
        _time.Advance(TimeSpan.FromMilliseconds(3 * HeartbeatMs));
        Assert.Equal(1, _service.Sweep());
        Assert.Equal(DeskStates.Unknown, StateOfDesk());
    }

    /// <summary>What the outbox holds, once everything appended is on disk (readers see only that).</summary>
    private List<global::Occupancy.Edge.Outbox.OutboxEntry> Records()
    {
        Assert.True(_outbox.Log.WaitDurableAsync(_outbox.Log.LastAppendedLsn, CancellationToken.None).Wait(TimeSpan.FromSeconds(10)));
        return _outbox.ReadAll();
    }

    private string StateOfDesk() => _outbox.Engine.Snapshot().Single(d => d.DeskId == Desk).State;

    private Task ReportAsync(string state) =>
        HandleAsync("state", new DeskStateMessage(state, Header()).Encode());

    private Task HeartbeatAsync() =>
        HandleAsync("evt/health", new HealthMessage(60, -60, 3300, 0, 0, 0, HeartbeatMs, 0, 0, Header()).Encode());

    private MessageHeader Header() => new(++_seq, _time.GetUtcNow().ToUnixTimeMilliseconds(), "1.0.0");

    private async Task<bool> HandleAsync(string channel, string payload)
    {
        bool accepted = await _handler.HandleAsync(Sensor, $"occupancy/v1/test-site/desk/{Sensor}/{channel}", new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload)), CancellationToken.None);
        Assert.True(accepted, $"{channel} was not accepted");
        return accepted;
    }
}
