using System.ComponentModel.DataAnnotations;

namespace Occupancy.Server.Live;

/// <summary>
/// Configuration section "DashboardPush": how often one dashboard group (a floor, the network) may be pushed to.
/// 250 ms keeps a desk flip well inside a second while a busy site costs each browser at most four messages a
/// second per group; zero sends every change as it comes.
/// </summary>
public sealed class DashboardPushOptions
{
    public const string SectionName = "DashboardPush";

    [Range(typeof(TimeSpan), "00:00:00", "00:00:05", ErrorMessage = "DashboardPush:Interval must be between 0 and 5 seconds.")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(250);
}
