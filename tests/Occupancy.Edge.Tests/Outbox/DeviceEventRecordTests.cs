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

    [Fact]
    public async Task DoorAlarmsResultsRejectionsAndDecisions_ReadBackUnchangedAfterAReopen()
    {
        EdgeEvent[] written =
        [
            new DoorAlarmEvent("front", "held-open", true, 61_000, 1_764_236_400_000, 3),
            new DoorAccessResultEvent("front", "granted", true, new string('a', 32), 1_764_236_401_000, 4),
            new DoorAccessResultEvent("front", "exit", true, "", 1_764_236_402_000, 5),
            new DeviceRejectionEvent("door", "reader-1", DeviceRejectionEvent.CommandSubject, "expired", "", "", 0, new string('b', 32), 1_764_236_403_000, 6),
            new DeviceRejectionEvent("desk", "sensor-1", DeviceRejectionEvent.ConfigSubject, "out-of-range", "holdMs", "above 600000", 7, "", 1_764_236_404_000, 7),
            new AccessDecisionEvent("front", true, "granted", "ada", new string('d', 32), 1_764_236_405_000, 8),
            new AccessDecisionEvent("front", false, "unknown-credential", "", new string('e', 32), 1_764_236_406_000, 9),
        ];
        var outbox = new TestOutbox(_data.Path);
        long last = 0;
        foreach (var e in written)
        {
            last = outbox.Log.Append(e);
        }

        Assert.True(await outbox.Log.WaitDurableAsync(last));
        outbox = outbox.Reopen();

        var events = outbox.ReadAll().Select(e => e.Event).ToArray();
        outbox.Dispose();

        Assert.Equal(written, events);
    }

    public void Dispose() => _data.Dispose();
}
