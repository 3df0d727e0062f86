using System.ComponentModel.DataAnnotations;
using Occupancy.Influx;

namespace Occupancy.Edge.Options;

/// <summary>
/// Where time series go and how they are batched, over the v1-compatible API (/write, /query) that InfluxDB 1.x,
/// 2.x (through a DBRP mapping) and 3 Core all serve.
/// </summary>
public sealed class InfluxOptions : InfluxConnection
{
    public const string Section = "Influx";

    /// <summary>Create the database on start (1.x only; 2.x and 3 Core need it made by an admin).</summary>
    public bool CreateDatabase { get; set; } = true;

    /// <summary>Most points in one /write request.</summary>
    [Range(1, 50000)]
    public int BatchSize { get; set; } = 5000;

    /// <summary>Longest wait for a batch to fill once its first point is ready.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// While records flow, how often the writer saves its cursor, writes the desk_usage rows that fell due and
    /// refreshes desk_usage_1h and site_usage from them (at once when the flow pauses). Each save costs InfluxDB two
    /// queries; after a crash at most this much is written again, which overwrites the same points.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two attempts while InfluxDB is unreachable or failing.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Length of the desk_usage intervals; a whole number of them fits in an hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan UsageInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long after an interval ends its usage rows are written, assuming unchanged desks stayed
    /// as they were; a later change for it rewrites them.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan UsageGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How far before its arrival a device's time still counts for usage roll-ups; older times count at that bound
    /// (a clock never set). The demo raises it while it replays two weeks of history through the edge.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "400.00:00:00")]
    public TimeSpan UsageMaxLag { get; set; } = TimeSpan.FromDays(1);
}
