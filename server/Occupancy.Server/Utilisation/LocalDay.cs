namespace Occupancy.Server.Utilisation;

/// <summary>A date in a space's time zone and the UTC instants (epoch ms) where it starts and ends: 23, 24 or 25 hours apart.</summary>
public readonly record struct LocalDay(DateOnly Date, long StartMs, long EndMs)
{
    /// <summary>Every day from <paramref name="from"/> to <paramref name="to"/> (both included) in <paramref name="zone"/>.</summary>
    public static LocalDay[] Range(TimeZoneInfo zone, DateOnly from, DateOnly to)
    {
        var days = new LocalDay[to.DayNumber - from.DayNumber + 1];
        var start = OpeningSchedule.LocalMidnightUtc(zone, from).ToUnixTimeMilliseconds();
        for (var i = 0; i < days.Length; i++)
        {
            var date = from.AddDays(i);
            var end = OpeningSchedule.LocalMidnightUtc(zone, date.AddDays(1)).ToUnixTimeMilliseconds();
            days[i] = new LocalDay(date, start, end);
            start = end;
        }

        return days;
    }

    /// <summary>
    /// <paramref name="days"/> (in order) grouped into runs of consecutive dates, each at most
    /// <paramref name="maxLength"/> long: what one query over a time range can cover.
    /// </summary>
    public static IEnumerable<List<LocalDay>> ConsecutiveRuns(IEnumerable<LocalDay> days, int maxLength = int.MaxValue)
    {
        var run = new List<LocalDay>();
        foreach (var day in days)
        {
            if (run.Count == maxLength || (run.Count > 0 && run[^1].Date.AddDays(1) != day.Date))
            {
                yield return run;
                run = [];
            }

            run.Add(day);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    /// <summary>The index of the day holding <paramref name="ms"/> in <paramref name="days"/> (ordered, contiguous), or -1.</summary>
    public static int IndexOf(LocalDay[] days, long ms)
    {
        int low = 0, high = days.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (ms < days[middle].StartMs)
            {
                high = middle - 1;
            }
            else if (ms >= days[middle].EndMs)
            {
                low = middle + 1;
            }
            else
            {
                return middle;
            }
        }

        return -1;
    }
}
