using System.ComponentModel.DataAnnotations;

namespace Occupancy.Edge.Options;

/// <summary>The embedded MQTT broker that the site's devices talk to.</summary>
public sealed class MqttOptions
{
    public const string Section = "Mqtt";

    [Range(1, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>Plain MQTT listens on loopback unless an installer opens it to the site network.</summary>
    [Required]
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Device payloads are a few hundred bytes; anything far larger is refused.</summary>
    [Range(64, 65536)]
    public int MaxPayloadBytes { get; set; } = 4096;
}
