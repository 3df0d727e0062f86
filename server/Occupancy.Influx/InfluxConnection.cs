using System.ComponentModel.DataAnnotations;

namespace Occupancy.Influx;

/// <summary>
/// Where an InfluxDB is and how to sign in, over the v1-compatible API that InfluxDB 1.x, 2.x (through a DBRP
/// mapping) and 3 Core all serve. Each side binds its own options section to a subclass and validates it on start.
/// </summary>
public class InfluxConnection
{
    [Required, Url]
    public string Url { get; set; } = "http://127.0.0.1:8086";

    [Required]
    public string Database { get; set; } = "occupancy";

    /// <summary>Retention policy for 1.x; empty for the default one.</summary>
    public string RetentionPolicy { get; set; } = "";

    /// <summary>2.x / 3 Core token, sent as "Authorization: Token ...".</summary>
    public string Token { get; set; } = "";

    /// <summary>1.x user, when the server has authentication on.</summary>
    public string Username { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>Compress request bodies (Content-Encoding: gzip); every InfluxDB line accepts them.</summary>
    public bool Gzip { get; set; } = true;
}
