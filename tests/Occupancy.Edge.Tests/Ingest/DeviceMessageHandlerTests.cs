using System.Buffers;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Occupancy.Edge.Ingest;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Options;
using Occupancy.Firmware.Contract;
using IngestRejections = Occupancy.Edge.Ingest.RejectionReasons;
using static Microsoft.Extensions.Options.Options;

namespace Occupancy.Edge.Tests.Ingest;

public sealed class DeviceMessageHandlerTests : IDisposable
{
    private const string StateTopic = "occupancy/v1/test-site/desk/sensor-1/state";
    private const string OccupiedPayload = """{"state":"occupied","seq":1,"ts":1764236400000,"fw":"1.0.0"}""";

    private readonly TempDirectory _data = new();
    private readonly TestOutbox _outbox;
    private readonly RejectionCounter _rejections = new(NullLogger<RejectionCounter>.Instance, new FakeTimeProvider());
    private readonly DeviceMessageHandler _handler;

    public DeviceMessageHandlerTests()
    {
        _outbox = new TestOutbox(_data.Path);
        _handler = new DeviceMessageHandler(
            TestSite.LoadedDirectory(_data.Path),
            _outbox.Recorder,
            _outbox.Log,
            _rejections,
            new FakeTimeProvider(),
            Create(TestSite.Options(_data.Path)),
            Create(new MqttOptions()));
    }

    public void Dispose()
    {
        _outbox.Dispose();
        _data.Dispose();
    }

    private Task<bool> HandleAsync(string clientId, string topic, byte[] payload) =>
        _handler.HandleAsync(clientId, topic, new ReadOnlySequence<byte>(payload), CancellationToken.None);

    [Fact]
    public async Task Handle_ValidStateReport_UpdatesTheDeskAndIsOnDiskWhenItCompletes()
    {
        bool accepted = await HandleAsync("sensor-1", StateTopic, Encoding.UTF8.GetBytes(OccupiedPayload));

        Assert.True(accepted);
        Assert.Equal(DeskStates.Occupied, _outbox.Engine.Snapshot().Single(d => d.DeskId == "desk-1").State);
        Assert.Equal(1, _outbox.Log.DurableLsn);
        var change = Assert.IsType<DeskChange>(Assert.Single(_outbox.ReadAll()).Event);
        Assert.Equal(new DeskChange("desk-1", "floor-1", "quiet", DeskStates.Occupied, 1764236400000, 1), change);
    }

    [Fact]
    public async Task Handle_SameReportTwice_IsAcknowledgedTwiceButRecordedOnce()
    {
        await HandleAsync("sensor-1", StateTopic, Encoding.UTF8.GetBytes(OccupiedPayload));

        bool again = await HandleAsync("sensor-1", StateTopic, Encoding.UTF8.GetBytes(OccupiedPayload));

        Assert.True(again);
        Assert.Single(_outbox.ReadAll());
        Assert.Equal(1, _outbox.Recorder.Duplicates);
    }

    [Theory]
    [InlineData("sensor-1", "occupancy/v2/test-site/desk/sensor-1/state", OccupiedPayload, IngestRejections.MalformedTopic)]
    [InlineData("sensor-1", "occupancy/v1/test-site/desk/Sensor-1/state", OccupiedPayload, IngestRejections.MalformedTopic)]
    [InlineData("sensor-1", "occupancy/v1/test-site/desk/sensor-2/state", OccupiedPayload, IngestRejections.ForeignTopic)]
    [InlineData("sensor-1", "occupancy/v1/other-site/desk/sensor-1/state", OccupiedPayload, IngestRejections.ForeignTopic)]
    [InlineData("sensor-9", "occupancy/v1/test-site/desk/sensor-9/state", OccupiedPayload, IngestRejections.UnknownDevice)]
    [InlineData("sensor-1", "occupancy/v1/test-site/door/sensor-1/evt/contact", OccupiedPayload, IngestRejections.UnknownDevice)]
    [InlineData("sensor-1", StateTopic, "{\"state\":\"sitting\",\"seq\":1,\"ts\":1,\"fw\":\"1\"}", IngestRejections.MalformedPayload)]
    [InlineData("sensor-1", StateTopic, "not json", IngestRejections.MalformedPayload)]
    [InlineData("sensor-1", "occupancy/v1/test-site/desk/sensor-1/evt/contact", OccupiedPayload, IngestRejections.UnsupportedChannel)]
    [InlineData("sensor-1", "occupancy/v1/test-site/desk/sensor-1/status", "maybe", IngestRejections.MalformedPayload)]
    public async Task Handle_BadMessage_IsRefusedCountedAndChangesNothing(string clientId, string topic, string payload, string reason)
    {
        bool accepted = await HandleAsync(clientId, topic, Encoding.UTF8.GetBytes(payload));

        Assert.False(accepted);
        Assert.Equal(1, _rejections.Count(reason));
        Assert.Empty(_outbox.Engine.Snapshot());
        Assert.Empty(_outbox.ReadAll());
    }

    [Fact]
    public async Task Handle_OversizedPayload_IsRefusedAsOversized()
    {
        var payload = Encoding.UTF8.GetBytes(OccupiedPayload + new string(' ', 5000));

        Assert.False(await HandleAsync("sensor-1", StateTopic, payload));
        Assert.Equal(1, _rejections.Count(IngestRejections.Oversized));
    }

    [Fact]
    public async Task Handle_InvalidUtf8_IsRefusedAsMalformed()
    {
        Assert.False(await HandleAsync("sensor-1", StateTopic, [0x7b, 0xff, 0xfe, 0x7d]));
        Assert.Equal(1, _rejections.Count(IngestRejections.MalformedPayload));
    }

    [Fact]
    public async Task Handle_LastWillOfADeskSensor_MakesTheDeskUnknown()
    {
        await HandleAsync("sensor-1", StateTopic, Encoding.UTF8.GetBytes(OccupiedPayload));

        bool accepted = await HandleAsync("sensor-1", "occupancy/v1/test-site/desk/sensor-1/status", Encoding.UTF8.GetBytes(StatusPayloads.Offline));

        Assert.True(accepted);
        Assert.Equal(DeskStates.Unknown, _outbox.Engine.Snapshot().Single().State);
        Assert.Equal(DeskStates.Unknown, Assert.IsType<DeskChange>(_outbox.ReadAll()[^1].Event).State);
    }

    [Fact]
    public async Task Handle_DoorContact_IsRecordedAsADoorEvent()
    {
        bool accepted = await HandleAsync(
            "reader-1",
            "occupancy/v1/test-site/door/reader-1/evt/contact",
            Encoding.UTF8.GetBytes("""{"contact":"open","seq":3,"ts":1764236400000,"fw":"1.0.0"}"""));

        Assert.True(accepted);
        Assert.Equal(new DoorContactEvent("front", true, 1764236400000, 3), Assert.Single(_outbox.ReadAll()).Event);
    }
}
