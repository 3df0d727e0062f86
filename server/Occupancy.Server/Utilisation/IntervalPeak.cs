namespace Occupancy.Server.Utilisation;

/// <summary>The usage interval with the most occupied seconds (the earliest of equals), summed over the desks counted.</summary>
public readonly record struct IntervalPeak(long StartMs, double OccupiedSeconds)
{
    /// <summary>The busier of two peaks; the earlier one when they are equal, so the answer does not depend on reading order.</summary>
    public static IntervalPeak? Busier(IntervalPeak? current, IntervalPeak? other) =>
        other is not { } candidate ? current
        : current is not { } peak || candidate.OccupiedSeconds > peak.OccupiedSeconds
        || (candidate.OccupiedSeconds == peak.OccupiedSeconds && candidate.StartMs < peak.StartMs)
            ? candidate
            : peak;
}
