using System.Globalization;

namespace Occupancy.Server.Apis.Validation;

/// <summary>The API's text forms of weekdays ("monday"), times of day ("HH:mm") and dates ("yyyy-MM-dd").</summary>
public static class LocalTimes
{
    public static string DayName(DayOfWeek day) => day.ToString().ToLowerInvariant();

    public static bool TryParseDay(string? text, out DayOfWeek day)
    {
        foreach (var candidate in Enum.GetValues<DayOfWeek>())
        {
            if (string.Equals(text, DayName(candidate), StringComparison.Ordinal))
            {
                day = candidate;
                return true;
            }
        }

        day = default;
        return false;
    }

    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>
    /// An IANA time zone id this machine knows ("Europe/Berlin"). Windows ids ("W. Europe Standard Time") are refused:
    /// edges and InfluxDB queries use IANA ids.
    /// </summary>
    public static bool IsIanaTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id)
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
        && zone.HasIanaId
        && string.Equals(zone.Id, id, StringComparison.Ordinal);
}
