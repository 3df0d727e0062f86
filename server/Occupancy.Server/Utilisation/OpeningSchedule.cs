using Occupancy.Server.Data;

namespace Occupancy.Server.Utilisation;

/// <summary>
/// A date range of one space cut into UTC buckets that each lie inside one local hour, with the open seconds of each,
/// from the space's opening hours in its own time zone. Working from UTC instants makes daylight saving exact: the
/// hour skipped in spring has no bucket, the hour repeated in autumn has two.
/// </summary>
public sealed class OpeningSchedule
{
    private static readonly int[] Granularities = [60, 30, 15, 5];

    private readonly Dictionary<long, OpenBucket> _open = [];

    public OpeningSchedule(TimeZoneInfo zone, IReadOnlyCollection<OpeningHours> hours, DateOnly from, DateOnly to)
    {
        AroundTheClock = hours.Count == 0;
        StartUtc = LocalMidnightUtc(zone, from);
        EndUtc = LocalMidnightUtc(zone, to.AddDays(1));
        BucketMinutes = Granularity(zone, hours, StartUtc);

        var byDay = hours.GroupBy(h => h.Day).ToDictionary(g => g.Key, g => g.ToArray());
        var step = TimeSpan.FromMinutes(BucketMinutes);
        for (var start = StartUtc; start < EndUtc; start += step)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(start.UtcDateTime, zone);
            var open = AroundTheClock ? step.TotalSeconds : OpenSeconds(byDay, local, step);
            if (open > 0)
            {
                _open[start.ToUnixTimeMilliseconds()] = new OpenBucket(local.Hour, local.DayOfWeek, open);
                HasOpenHour[local.Hour] = true;
            }
        }
    }

    /// <summary>No opening hours are set: the space counts as open around the clock.</summary>
    public bool AroundTheClock { get; }

    public DateTimeOffset StartUtc { get; }

    public DateTimeOffset EndUtc { get; }

    /// <summary>Bucket length: 60 minutes unless opening times or a half-hour time zone need finer ones.</summary>
    public int BucketMinutes { get; }

    /// <summary>Where InfluxDB must start its buckets, past whole multiples of <see cref="BucketMinutes"/>.</summary>
    public int OffsetMinutes => (int)(StartUtc.ToUnixTimeMilliseconds() / 60_000 % BucketMinutes);

    /// <summary>Local hours of the day that are open at least once in the range.</summary>
    public bool[] HasOpenHour { get; } = new bool[24];

    public IReadOnlyDictionary<long, OpenBucket> OpenBuckets => _open;

    public bool TryGetOpen(long bucketStartMs, out OpenBucket bucket) => _open.TryGetValue(bucketStartMs, out bucket);

    public static DateTimeOffset LocalMidnightUtc(TimeZoneInfo zone, DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A midnight skipped by daylight saving (some zones move at 00:00) starts the day an hour later.
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(midnight, zone), TimeSpan.Zero);
    }

    /// <summary>Every opening and closing time falls on a whole hour, so each local hour is either open or closed throughout.</summary>
    public static bool OnWholeHours(IReadOnlyCollection<OpeningHours> hours) =>
        hours.All(h => h.Opens.ToTimeSpan().Ticks % TimeSpan.TicksPerHour == 0 && ClosesAt(h).Ticks % TimeSpan.TicksPerHour == 0);

    /// <summary>
    /// Whether local hour h of weekday d is open, at [(int)d * 24 + h], for opening hours <see cref="OnWholeHours"/>;
    /// all open when none are set.
    /// </summary>
    public static bool[] OpenHours(IReadOnlyCollection<OpeningHours> hours)
    {
        var open = new bool[7 * 24];
        if (hours.Count == 0)
        {
            Array.Fill(open, true);
        }

        foreach (var period in hours)
        {
            for (var hour = period.Opens.Hour; hour < ClosesAt(period).TotalHours; hour++)
            {
                open[(int)period.Day * 24 + hour] = true;
            }
        }

        return open;
    }

    private static double OpenSeconds(Dictionary<DayOfWeek, OpeningHours[]> byDay, DateTime local, TimeSpan step)
    {
        if (!byDay.TryGetValue(local.DayOfWeek, out var periods))
        {
            return 0;
        }

        var start = local.TimeOfDay;
        var end = start + step;
        double seconds = 0;
        foreach (var period in periods)
        {
            var opens = period.Opens.ToTimeSpan();
            var closes = ClosesAt(period);
            var overlap = (end < closes ? end : closes) - (start > opens ? start : opens);
            if (overlap > TimeSpan.Zero)
            {
                seconds += overlap.TotalSeconds;
            }
        }

        return seconds;
    }

    /// <summary>A space open past midnight closes at 23:59 (see <see cref="OpeningHours"/>): that means the end of the day.</summary>
    private static TimeSpan ClosesAt(OpeningHours period) =>
        period.Closes == new TimeOnly(23, 59) ? TimeSpan.FromDays(1) : period.Closes.ToTimeSpan();

    /// <summary>The longest bucket whose edges fall on every opening and closing time and on the zone's local hours.</summary>
    private static int Granularity(TimeZoneInfo zone, IReadOnlyCollection<OpeningHours> hours, DateTimeOffset startUtc)
    {
        var minutes = hours.SelectMany(h => new[] { h.Opens.Minute, ClosesAt(h).Minutes })
            .Append((int)zone.GetUtcOffset(startUtc).TotalMinutes % 60)
            .ToArray();
        return Granularities.FirstOrDefault(g => minutes.All(m => m % g == 0), 5);
    }
}
