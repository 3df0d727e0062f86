using Occupancy.Edge.Occupancy;

namespace Occupancy.Edge.Tests.Outbox;

/// <summary>The device events beyond desks and door contacts survive a reopen of the outbox, field for field.</summary>
public sealed class DeviceEventRecordTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task HealthWithAndWithoutMeasurements_ReadsBackUnchangedAfterAReopen()
    {
        var measured = new DeviceHealthEvent("desk", "sensor-1", 3600, -61, 3300, 1, 2, 3, "1.2.3", 1_764_236_400_000, 9);
        var unmeasured = measured with { RssiDbm = null, SupplyMv = null, Seq = 10 };
        var outbox = new TestOutbox(_data.Path);
        outbox.Log.Append(new DoorContactEvent("front", true, 1_764_236_399_000, 1));
        outbox.Log.Append(measured);
        Assert.True(await outbox.Log.WaitDurableAsync(outbox.Log.Append(unmeasured)));
        outbox = outbox.Reopen();

        var events = outbox.ReadAll().Select(e => e.Event).ToArray();
        outbox.Dispose();

        Assert.Equal<EdgeEvent>([new DoorContactEvent("front", true, 1_764_236_399_000, 1), measured, unmeasured], events);
    }

    public void Dispose() => _data.Dispose();
}
