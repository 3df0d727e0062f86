namespace Occupancy.Bench.Soak;

/// <summary>
/// A working day compressed into the soak: quiet night, arrivals, a lunch dip, departures, quiet
/// evening; and the burst (everyone badging in and sitting down at once after an all-hands) that
/// multiplies the load for a tenth of the run.
/// </summary>
internal static class DayShape
{
    public const double BurstStart = 0.40;
    public const double BurstEnd = 0.50;

    /// <summary>Share of the busiest normal hour's load at <paramref name="progress"/> (0 = midnight, 1 = the next midnight).</summary>
    public static double LoadAt(double progress, double burst)
    {
        double hour = progress * 24;
        double shape = hour switch
        {
            < 7 => 0.05,
            < 10 => 0.05 + ((hour - 7) / 3 * 0.95),
            < 12 => 1.0,
            < 14 => 0.6,
            < 17 => 1.0,
            < 20 => 1.0 - ((hour - 17) / 3 * 0.9),
            _ => 0.05,
        };
        return progress is >= BurstStart and < BurstEnd ? shape * burst : shape;
    }
}
