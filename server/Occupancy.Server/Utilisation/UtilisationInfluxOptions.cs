using System.ComponentModel.DataAnnotations;
using Occupancy.Influx;

namespace Occupancy.Server.Utilisation;

/// <summary>
/// Configuration section "Influx": the InfluxDB the site edges write to, read for utilisation (v1 /query, InfluxQL).
/// Validated on start; the server starts without InfluxDB running and answers utilisation requests with 503 until it is.
/// </summary>
public sealed class UtilisationInfluxOptions : InfluxConnection
{
    public const string SectionName = "Influx";

    /// <summary>The edges' desk_usage interval (their Influx:UsageInterval); peak occupancy is averaged over it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan UsageInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest wait for one InfluxDB query.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
