namespace Occupancy.Server.Utilisation;

/// <summary>
/// A space's usage on one local day, rolled up from the edges' hourly and per-floor rows: each desk's occupied
/// seconds per local hour, the busiest interval of the space and of each floor, and the day's totals in site_usage,
/// which tell later whether the edges have written anything new for the day since.
/// </summary>
public sealed class DayUsage(LocalDay day)
{
    public LocalDay Day { get; } = day;

    /// <summary>Per desk; a desk that moved floor or zone during the day has one entry per place.</summary>
    public Dictionary<(string Desk, string Floor, string Zone), DeskDay> Desks { get; } = [];

    public IntervalPeak? SpacePeak { get; set; }

    public Dictionary<string, IntervalPeak> FloorPeaks { get; } = new(StringComparer.Ordinal);

    public double SourceOccupiedSeconds { get; set; }

    public double SourceKnownSeconds { get; set; }

    public double[] HoursOf(string desk, string floor, string zone)
    {
        if (!Desks.TryGetValue((desk, floor, zone), out var row))
        {
            Desks[(desk, floor, zone)] = row = new DeskDay(desk, floor, zone, new double[24]);
        }

        return row.Hours;
    }
}
