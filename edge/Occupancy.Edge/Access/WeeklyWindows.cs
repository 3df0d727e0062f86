using Occupancy.Uplink;

namespace Occupancy.Edge.Access;

/// <summary>
/// Weekly hours on the site's wall clock: the time zone turns an instant into local day and
/// minute, so "09:00–17:00" means nine to five in winter and in summer alike.
/// </summary>
public static class WeeklyWindows
{
    public static bool Contains(IEnumerable<AccessWindow> windows, DateTime local)
    {
        int minute = (local.Hour * 60) + local.Minute;
        int today = 1 << (int)local.DayOfWeek;
        int yesterday = 1 << (((int)local.DayOfWeek + 6) % 7);
        foreach (var window in windows)
        {
            bool crossesMidnight = window.EndMinute < window.StartMinute;
            bool inside = crossesMidnight
                ? ((window.Days & today) != 0 && minute >= window.StartMinute) || ((window.Days & yesterday) != 0 && minute < window.EndMinute)
                : (window.Days & today) != 0 && minute >= window.StartMinute && minute < window.EndMinute;
            if (inside)
            {
                return true;
            }
        }

        return false;
    }

    public static DateTime LocalTime(string timeZoneId, long unixMs) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(unixMs), TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).DateTime;
}
