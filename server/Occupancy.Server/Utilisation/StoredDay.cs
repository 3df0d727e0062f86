namespace Occupancy.Server.Utilisation;

/// <summary>
/// The roll-up row InfluxDB holds for one day of a space (space_usage_day without a floor), written last, so its
/// presence says the day's desk rows are complete: the busiest interval and the site_usage totals it was made from.
/// </summary>
public sealed record StoredDay(long StartMs, IntervalPeak? SpacePeak, double SourceOccupiedSeconds, double SourceKnownSeconds)
{
    public Dictionary<string, IntervalPeak> FloorPeaks { get; } = new(StringComparer.Ordinal);
}
