using System.Globalization;
using System.Text;
using Occupancy.Server.Models.Utilisation;

namespace Occupancy.Server.Utilisation;

/// <summary>
/// A report's views as CSV, with the values the dashboard shows: utilisation in percent with one decimal, empty where
/// the space was closed. Invariant culture, so a spreadsheet anywhere reads the same numbers.
/// </summary>
public static class UtilisationCsv
{
    public const string DeskHours = "desk-hours";
    public const string WeekdayHours = "weekday-hours";
    public const string Desks = "desks";

    public static readonly string[] Views = [DeskHours, WeekdayHours, Desks];

    public static string Write(UtilisationReport report, string view)
    {
        var csv = new StringBuilder();
        switch (view)
        {
            case DeskHours:
                Line(csv, ["desk", "label", "floor", "zone", .. report.Hours.Select(HourName)]);
                foreach (var desk in report.Desks)
                {
                    Line(csv, [desk.Id, desk.Label, desk.FloorId, desk.Zone, .. desk.Hours.Select(c => Percent(c.Utilisation))]);
                }

                break;
            case WeekdayHours:
                Line(csv, ["weekday", .. report.Hours.Select(HourName)]);
                foreach (var day in report.Weekdays)
                {
                    Line(csv, [day.Day, .. day.Hours.Select(c => Percent(c.Utilisation))]);
                }

                break;
            default:
                Line(csv, ["desk", "label", "floor", "zone", "occupied_hours", "open_hours", "utilisation_percent"]);
                foreach (var desk in report.Desks)
                {
                    Line(csv, [desk.Id, desk.Label, desk.FloorId, desk.Zone, Hours(desk.OccupiedSeconds), Hours(desk.OpenSeconds), Percent(desk.Utilisation)]);
                }

                break;
        }

        return csv.ToString();
    }

    public static string HourName(int hour) => string.Create(CultureInfo.InvariantCulture, $"{hour:00}:00");

    private static string Percent(double? ratio) => ratio is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) : "";

    private static string Hours(double seconds) => (seconds / 3600).ToString("0.00", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Quote));
        csv.Append("\r\n");
    }

    // Labels are free text: quote anything a spreadsheet could misread, and defuse formulas (CSV injection).
    private static string Quote(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' && !double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            field = "'" + field;
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
    }
}
