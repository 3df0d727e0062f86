using Occupancy.Firmware.Desk;

namespace Occupancy.Firmware.Core.Tests.Desk;

public sealed class DeskOccupancyDetectorTests
{
    private const int Step = 100; // the device loop reads the PIR ten times a second

    private static readonly DeskSensorOptions Options = new() { OccupiedAfterMs = 3000, FreeAfterMs = 20000, PresenceGapMs = 1000 };

    private readonly DeskOccupancyDetector _detector = new(Options);
    private readonly List<long> _changes = new();

    [Fact]
    public void Detector_WhenPresenceLastsLessThanOccupiedAfter_StaysFree()
    {
        Feed(presence: true, fromMs: 0, toMs: 2900);

        Assert.False(_detector.IsOccupied);
        Assert.Empty(_changes);
    }

    [Fact]
    public void Detector_WhenPresenceLastsOccupiedAfter_ReportsOccupiedOnce()
    {
        Feed(presence: true, fromMs: 0, toMs: 6000);

        Assert.True(_detector.IsOccupied);
        Assert.Equal(new long[] { 3000 }, _changes);
    }

    [Fact]
    public void Detector_WhenPirDropsForLessThanTheGap_BridgesTheGap()
    {
        Feed(presence: true, fromMs: 0, toMs: 1000);
        Feed(presence: false, fromMs: 1100, toMs: 1800);
        Feed(presence: true, fromMs: 1900, toMs: 3000);

        Assert.Equal(new long[] { 3000 }, _changes);
    }

    [Fact]
    public void Detector_WhenPirDropsForLongerThanTheGap_StartsTheRunAgain()
    {
        Feed(presence: true, fromMs: 0, toMs: 1500);
        Feed(presence: false, fromMs: 1600, toMs: 2900);
        Feed(presence: true, fromMs: 3000, toMs: 5900);
        Assert.False(_detector.IsOccupied);

        Feed(presence: true, fromMs: 6000, toMs: 6000);
        Assert.Equal(new long[] { 6000 }, _changes);
    }

    [Fact]
    public void Detector_WhenPresenceStopsShorterThanFreeAfter_StaysOccupied()
    {
        Feed(presence: true, fromMs: 0, toMs: 3000);
        Feed(presence: false, fromMs: 3100, toMs: 22900);

        Assert.True(_detector.IsOccupied);
    }

    [Fact]
    public void Detector_WhenPresenceStopsForFreeAfter_ReportsFree()
    {
        Feed(presence: true, fromMs: 0, toMs: 3000);
        Feed(presence: false, fromMs: 3100, toMs: 30000);

        Assert.False(_detector.IsOccupied);
        Assert.Equal(new long[] { 3000, 23000 }, _changes);
    }

    [Fact]
    public void Detector_WhenPresenceReturnsDuringTheHold_StaysOccupiedAndHoldsFromTheLastPresence()
    {
        Feed(presence: true, fromMs: 0, toMs: 3000);
        Feed(presence: false, fromMs: 3100, toMs: 18000);
        Feed(presence: true, fromMs: 18100, toMs: 18500);
        Feed(presence: false, fromMs: 18600, toMs: 38400);
        Assert.True(_detector.IsOccupied);

        Feed(presence: false, fromMs: 38500, toMs: 38500);
        Assert.Equal(new long[] { 3000, 38500 }, _changes);
    }

    [Fact]
    public void Detector_AfterBecomingFree_NeedsAFullRunOfPresenceAgain()
    {
        Feed(presence: true, fromMs: 0, toMs: 3000);
        Feed(presence: false, fromMs: 3100, toMs: 23000);
        Feed(presence: true, fromMs: 23100, toMs: 26000);
        Assert.False(_detector.IsOccupied);

        Feed(presence: true, fromMs: 26100, toMs: 26100);
        Assert.Equal(new long[] { 3000, 23000, 26100 }, _changes);
    }

    [Fact]
    public void Detector_WithNoOccupiedDelay_ReportsOccupiedAtTheFirstPresence()
    {
        var detector = new DeskOccupancyDetector(new DeskSensorOptions { OccupiedAfterMs = 0, FreeAfterMs = 20000, PresenceGapMs = 1000 });

        Assert.False(detector.Observe(false, 0));
        Assert.True(detector.Observe(true, 100));
        Assert.True(detector.IsOccupied);
        Assert.False(detector.Observe(true, 200));
    }

    private void Feed(bool presence, long fromMs, long toMs)
    {
        for (long t = fromMs; t <= toMs; t += Step)
        {
            if (_detector.Observe(presence, t))
            {
                _changes.Add(t);
            }
        }
    }
}
