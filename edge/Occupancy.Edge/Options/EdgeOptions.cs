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

    /// <summary>Port of the edge's operations endpoint (/healthz, /readyz, /metrics); 0 turns it off.</summary>
    [Range(0, 65535)]
    public int HttpPort { get; set; } = 5081;

    /// <summary>The operations endpoint listens on loopback unless an operator opens it for a Prometheus elsewhere.</summary>
    [Required]
    public string HttpBindAddress { get; set; } = "127.0.0.1";
}
