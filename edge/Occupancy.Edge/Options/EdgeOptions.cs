using System.ComponentModel.DataAnnotations;

namespace Occupancy.Edge.Options;

/// <summary>Which site this edge serves and where it keeps its files.</summary>
public sealed class EdgeOptions
{
    public const string Section = "Edge";

    [Required, RegularExpression("^[a-z0-9-]{1,32}$")]
    public string SiteId { get; set; } = "";

    /// <summary>Cached site configuration and, later, the outbox live here.</summary>
    [Required]
    public string DataDirectory { get; set; } = ".data/edge";

    /// <summary>A desk whose sensor sends nothing for this long is shown as unknown (2.5 heartbeats of 5 min).</summary>
    public TimeSpan SilenceBeforeUnknown { get; set; } = TimeSpan.FromMinutes(12.5);
}
