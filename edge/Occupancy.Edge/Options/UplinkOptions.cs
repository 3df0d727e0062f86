using System.ComponentModel.DataAnnotations;

namespace Occupancy.Edge.Options;

/// <summary>The server this edge reports to over SignalR.</summary>
public sealed class UplinkOptions
{
    public const string Section = "Uplink";

    [Required, Url]
    public string ServerUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The site key the server issued for this site. From the environment or a secrets file, never committed.</summary>
    [Required]
    public string SiteKey { get; set; } = "";
}
