using System.ComponentModel.DataAnnotations;

namespace Occupancy.Edge.Options;

/// <summary>Which site this edge serves and where it keeps its files.</summary>
public sealed class EdgeOptions
{
    public const string Section = "Edge";

    [Required, RegularExpression("^[a-z0-9-]{1,32}$")]
    public string SiteId { get; set; } = "";

    /// <summary>The cached site configuration and the InfluxDB dead-letter file live here.</summary>
    [Required]
    public string DataDirectory { get; set; } = ".data/edge";
}
