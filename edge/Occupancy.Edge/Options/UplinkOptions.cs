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

    /// <summary>Pushes to the server are at least this far apart; changes in between are coalesced, one per desk.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MinPushInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest wait between two attempts to reach the server.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
