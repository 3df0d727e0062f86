namespace Occupancy.Server.Data;

/// <summary>
/// A desk sensor or door reader of a space. Its secret is shown once when issued; only a salted hash is kept
/// (the same form the edge stores: base64 salt, base64 SHA-256 over salt + secret).
/// </summary>
public sealed class Device
{
    /// <summary>Unique within its space; the key is (SpaceId, Id). It is the device's MQTT client id.</summary>
    public required string Id { get; set; }

    public required string SpaceId { get; set; }

    /// <summary>"desk" or "door": the contract's DeviceKinds, as in the MQTT topics.</summary>
    public required string Kind { get; set; }

    public string? SecretSalt { get; set; }

    public string? SecretHash { get; set; }

    /// <summary>When the current secret was issued; null while the device has none (not provisioned).</summary>
    public DateTimeOffset? SecretIssuedAt { get; set; }
}
