using System.ComponentModel.DataAnnotations;

namespace Occupancy.Server.Utilisation;

/// <summary>
/// Configuration section "UsageRollup": how the server keeps the daily utilisation roll-up (desk_usage_day,
/// space_usage_day) in step with what the edges write. Validated on start.
/// </summary>
public sealed class UsageRollupOptions
{
    public const string SectionName = "UsageRollup";

    /// <summary>Run the background roll-up; when off, reports still roll up missing days on demand.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the background roll-up looks for new or changed days.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Every { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many closed days back the background roll-up looks: it rolls up the days with usage rows but none yet, and
    /// again those whose site_usage totals changed since (an edge offline for up to this long). A quarter, the longest
    /// range hosts usually read.
    /// </summary>
    [Range(1, 3660)]
    public int BackfillDays { get; set; } = 92;

    /// <summary>How many of the latest closed days are rolled up again on every run whatever their totals say.</summary>
    [Range(0, 366)]
    public int RecomputeDays { get; set; } = 2;

    /// <summary>
    /// How long after a local day ends it counts as closed and is stored; until then reports read it live. Longer
    /// than the edges' usage grace and batching, so a day is rarely stored before its last rows arrive.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ClosedAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A day is closed once it has ended by <see cref="ClosedAfter"/>: then its roll-up is stored.</summary>
    public bool IsClosed(LocalDay day, DateTimeOffset now) => day.EndMs + (long)ClosedAfter.TotalMilliseconds <= now.ToUnixTimeMilliseconds();
}
