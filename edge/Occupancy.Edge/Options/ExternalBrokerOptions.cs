using System.ComponentModel.DataAnnotations;

namespace Occupancy.Edge.Options;

/// <summary>
/// An existing broker or cluster the edge subscribes to instead of embedding one. Several edge
/// instances with the same <see cref="SharedGroup"/> split the site's traffic through an MQTT 5
/// shared subscription: each message goes to exactly one of them.
/// </summary>
public sealed class ExternalBrokerOptions
{
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 1883;

    public bool UseTls { get; set; }

    public string Username { get; set; } = "";

    /// <summary>From the environment or a secrets file, never committed.</summary>
    public string Password { get; set; } = "";

    /// <summary>Unique per edge instance; the broker keeps its session (and queued messages) across restarts.</summary>
    public string ClientId { get; set; } = "";

    [RegularExpression("^[a-z0-9-]{1,32}$")]
    public string SharedGroup { get; set; } = "occupancy-edge";

    /// <summary>How long the broker keeps this instance's queued messages while it is away.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(1);
}
