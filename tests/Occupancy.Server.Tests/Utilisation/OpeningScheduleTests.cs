using Occupancy.Server.Data;
using Occupancy.Server.Utilisation;

namespace Occupancy.Server.Tests.Utilisation;

public sealed class OpeningScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void AutumnDaylightSavingChange_GivesTheRepeatedHourTwiceTheOpenSeconds_AndTheDay25Hours()
    {
        var day = new DateOnly(2026, 10, 25);
        var schedule = new OpeningSchedule(Berlin, [], day, day);

        Assert.Equal(7_200, OpenSecondsOfHour(schedule, 2));
        Assert.Equal(25 * 3_600, schedule.OpenBuckets.Values.Sum(b => b.OpenSeconds));
    }

    [Fact]
    public void SpringDaylightSavingChange_HasNoOpenSecondsInTheSkippedHour_AndTheDay23Hours()
    {
        var day = new DateOnly(2026, 3, 29);
        var schedule = new OpeningSchedule(Berlin, [], day, day);

        Assert.Equal(0, OpenSecondsOfHour(schedule, 2));
        Assert.False(schedule.HasOpenHour[2]);
        Assert.Equal(23 * 3_600, schedule.OpenBuckets.Values.Sum(b => b.OpenSeconds));
    }

    [Fact]
    public void OpeningHours_AreLocalTime_WhateverTheUtcOffsetOfTheDay()
    {
        OpeningHours[] hours = [new() { SpaceId = "hq", Day = DayOfWeek.Friday, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(18, 0) }];

        // Friday 2026-03-27 is UTC+1, Friday 2026-04-03 UTC+2: both open 08:00–18:00 local.
        var schedule = new OpeningSchedule(Berlin, hours, new DateOnly(2026, 3, 27), new DateOnly(2026, 4, 3));

        Assert.Equal(Enumerable.Range(8, 10), Enumerable.Range(0, 24).Where(h => schedule.HasOpenHour[h]));
        Assert.Equal(2 * 10 * 3_600, schedule.OpenBuckets.Values.Sum(b => b.OpenSeconds));
        Assert.True(schedule.TryGetOpen(new DateTimeOffset(2026, 4, 3, 6, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), out var first));
        Assert.Equal(8, first.HourOfDay);
    }

    [Fact]
    public void HalfHourOpening_CutsTheRangeIntoHalfHours_SoNoClosedMinuteCounts()
    {
        OpeningHours[] hours = [new() { SpaceId = "hq", Day = DayOfWeek.Monday, Opens = new TimeOnly(8, 30), Closes = new TimeOnly(17, 0) }];

        var schedule = new OpeningSchedule(Berlin, hours, new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 16));

        Assert.Equal(30, schedule.BucketMinutes);
        Assert.Equal(1_800, OpenSecondsOfHour(schedule, 8));
        Assert.Equal(8.5 * 3_600, schedule.OpenBuckets.Values.Sum(b => b.OpenSeconds));
    }

    private static double OpenSecondsOfHour(OpeningSchedule schedule, int hour) =>
        schedule.OpenBuckets.Values.Where(b => b.HourOfDay == hour).Sum(b => b.OpenSeconds);
}
