using System.Globalization;

namespace Occupancy.Firmware.Simulator.Day;

/// <summary>
/// When a space is open, per weekday, in hours after local midnight; a weekday not listed is closed. Simulated
/// members come only while it is open, as the network file's <c>openingHours</c> say.
/// </summary>
public sealed class OpeningHours
{
    private readonly Dictionary<DayOfWeek, (double Opens, double Closes)> _days;

    private OpeningHours(Dictionary<DayOfWeek, (double Opens, double Closes)> days) => _days = days;

    /// <summary>Open from <paramref name="opens"/> to <paramref name="closes"/> on each of <paramref name="days"/>, closed on the others.</summary>
    public static OpeningHours On(IEnumerable<DayOfWeek> days, TimeOnly opens, TimeOnly closes) =>
        new(days.ToDictionary(d => d, _ => (Hours(opens), Hours(closes))));

    /// <summary>From the network file's entries ("monday", "08:00", "18:00"); throws <see cref="FormatException"/> naming a bad one.</summary>
    public static OpeningHours Parse(IEnumerable<(string Day, string Opens, string Closes)> entries)
    {
        var days = new Dictionary<DayOfWeek, (double, double)>();
        foreach (var (day, opens, closes) in entries)
        {
            if (!Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out var weekday)
                || !TimeOnly.TryParseExact(opens, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !TimeOnly.TryParseExact(closes, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
                || to <= from)
            {
                throw new FormatException($"opening hours '{day} {opens}-{closes}' are not a weekday with HH:mm times, closing after opening");
            }

            days[weekday] = (Hours(from), Hours(to));
        }

        return new OpeningHours(days);
    }

    /// <summary>The hours <paramref name="date"/> is open, or false when the space is closed that day.</summary>
    public bool TryGet(DateOnly date, out (double Opens, double Closes) hours) => _days.TryGetValue(date.DayOfWeek, out hours);

    private static double Hours(TimeOnly time) => time.ToTimeSpan().TotalHours;
}
