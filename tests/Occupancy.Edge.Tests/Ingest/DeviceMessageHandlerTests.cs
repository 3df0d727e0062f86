using System.Buffers;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Occupancy.Edge.Ingest;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Options;
using Occupancy.Firmware.Contract;
using static Microsoft.Extensions.Options.Options;

namespace Occupancy.Edge.Tests.Ingest;

public sealed class DeviceMessageHandlerTests : IDisposable
{
    private const string StateTopic = "occupancy/v1/test-site/desk/sensor-1/state";
    private const string OccupiedPayload = """{"state":"occupied","seq":1,"ts":1764236400000,"fw":"1.0.0"}""";

    private readonly TempDirectory _data = new();
    private readonly OccupancyEngine _engine = new();
    private readonly EdgeEvents _events;
    private readonly RejectionCounter _rejections = new(NullLogger<RejectionCounter>.Instance, new FakeTimeProvider());
    private readonly DeviceMessageHandler _handler;

    public DeviceMessageHandlerTests()
    {
        var edgeOptions = Create(TestSite.Options(_data.Path));
        _events = new EdgeEvents(edgeOptions);
        _handler = new DeviceMessageHandler(
            TestSite.LoadedDirectory(_data.Path), _engine, _events, _rejections, new FakeTimeProvider(), edgeOptions, Create(new MqttOptions()));
    }

    public void Dispose() => _data.Dispose();

    private Task<bool> HandleAsync(string clientId, string topic, byte[] payload) =>
        _handler.HandleAsync(clientId, topic, new ReadOnlySequence<byte>(payload), CancellationToken.None);

    [Fact]
    public async Task Handle_ValidStateReport_UpdatesTheDeskAndQueuesItForInfluxAndServer()
    {
        bool accepted = await HandleAsync("sensor-1", StateTopic, Encoding.UTF8.GetBytes(OccupiedPayload));

        Assert.True(accepted);
        Assert.Equal(DeskStates.Occupied, _engine.Snapshot().Single(d => d.DeskId == "desk-1").State);
        Assert.True(_events.InfluxLines.Reader.TryRead(out var line));
        Assert.StartsWith("desk_state,desk=desk-1,floor=floor-1,site=test-site,zone=quiet ", line);
        Assert.EndsWith(" 1764236400000", line);
        Assert.True(_events.DeskChangesForServer.Reader.TryRead(out var change));
        Assert.Equal(("desk-1", DeskStates.Occupied), (change.DeskId, change.State));
    }

    [Theory]
    [InlineData("sensor-1", "occupancy/v2/test-site/desk/sensor-1/state", OccupiedPayload, RejectionReasons.MalformedTopic)]
    [InlineData("sensor-1", "occupancy/v1/test-site/desk/Sensor-1/state", OccupiedPayload, RejectionReasons.MalformedTopic)]
    [InlineData("sensor-1", "occupancy/v1/test-site/desk/sensor-2/state", OccupiedPayload, RejectionReasons.ForeignTopic)]
    [InlineData("sensor-1", "occupancy/v1/other-site/desk/sensor-1/state", OccupiedPayload, RejectionReasons.ForeignTopic)]
    [InlineData("sensor-9", "occupancy/v1/test-site/desk/sensor-9/state", OccupiedPayload, RejectionReasons.UnknownDevice)]
    [InlineData("sensor-1", "occupancy/v1/test-site/door/sensor-1/evt/contact", OccupiedPayload, RejectionReasons.UnknownDevice)]
    [InlineData("sensor-1", StateTopic, "{\"state\":\"sitting\",\"seq\":1,\"ts\":1,\"fw\":\"1\"}", RejectionReasons.MalformedPayload)]
    [InlineData("sensor-1", StateTopic, "not json", RejectionReasons.MalformedPayload)]
    [InlineData("sensor-1", "occupancy/v1/test-site/desk/sensor-1/evt/contact", OccupiedPayload, RejectionReasons.UnsupportedChannel)]
    [InlineData("sensor-1", "occupancy/v1/test-site/desk/sensor-1/status", "maybe", RejectionReasons.MalformedPayload)]
    public async Task Handle_BadMessage_IsRefusedCountedAndChangesNothing(string clientId, string topic, string payload, string reason)
    {
        bool accepted = await HandleAsync(clientId, topic, Encoding.UTF8.GetBytes(payload));

        Assert.False(accepted);
        Assert.Equal(1, _rejections.Count(reason));
        Assert.Empty(_engine.Snapshot());
        Assert.False(_events.InfluxLines.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Handle_OversizedPayload_IsRefusedAsOversized()
    {
        var payload = Encoding.UTF8.GetBytes(OccupiedPayload + new string(' ', 5000));

        Assert.False(await HandleAsync("sensor-1", StateTopic, payload));
        Assert.Equal(1, _rejections.Count(RejectionReasons.Oversized));
    }

    [Fact]
    public async Task Handle_InvalidUtf8_IsRefusedAsMalformed()
    {
        Assert.False(await HandleAsync("sensor-1", StateTopic, [0x7b, 0xff, 0xfe, 0x7d]));
        Assert.Equal(1, _rejections.Count(RejectionReasons.MalformedPayload));
    }

    [Fact]
    public async Task Handle_LastWillOfADeskSensor_MakesTheDeskUnknown()
    {
        await HandleAsync("sensor-1", StateTopic, Encoding.UTF8.GetBytes(OccupiedPayload));

        bool accepted = await HandleAsync("sensor-1", "occupancy/v1/test-site/desk/sensor-1/status", Encoding.UTF8.GetBytes(StatusPayloads.Offline));

        Assert.True(accepted);
        Assert.Equal(DeskStates.Unknown, _engine.Snapshot().Single().State);
    }

    [Fact]
    public async Task Handle_DoorContact_IsWrittenForInfluxOnly()
    {
        bool accepted = await HandleAsync(
            "reader-1",
            "occupancy/v1/test-site/door/reader-1/evt/contact",
            Encoding.UTF8.GetBytes("""{"contact":"open","seq":3,"ts":1764236400000,"fw":"1.0.0"}"""));

        Assert.True(accepted);
        Assert.True(_events.InfluxLines.Reader.TryRead(out var line));
        Assert.Equal("door_contact,door=front,site=test-site open=true 1764236400000", line);
        Assert.False(_events.DeskChangesForServer.Reader.TryRead(out _));
    }
}
