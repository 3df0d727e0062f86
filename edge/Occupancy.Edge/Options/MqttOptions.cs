using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Occupancy.Edge.Options;

/// <summary>How devices reach the edge: its embedded broker (default) or an external broker.</summary>
public sealed class MqttOptions : IValidatableObject
{
    public const string Section = "Mqtt";

    /// <summary><c>embedded</c>: devices connect to the edge itself; <c>external</c>: the edge subscribes to an existing broker.</summary>
    [RegularExpression("^(embedded|external)$")]
    public string Mode { get; set; } = "embedded";

    public bool IsExternal => Mode == "external";

    /// <summary>Plain MQTT port of the embedded broker; 0 turns plain MQTT off (TLS only).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>Plain MQTT listens on loopback unless an installer explicitly opens it to the site network.</summary>
    [Required]
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Must be set to listen for plain (unencrypted) MQTT on an address other than loopback.</summary>
    public bool AllowPlainOnNetwork { get; set; }

    /// <summary>Device payloads are a few hundred bytes; anything far larger is refused.</summary>
    [Range(64, 65536)]
    public int MaxPayloadBytes { get; set; } = 4096;

    /// <summary>Devices must log in with the secret provisioned for them (see <c>Occupancy.Edge devices</c>).</summary>
    public bool RequireDeviceSecrets { get; set; } = true;

    public MqttTlsOptions Tls { get; set; } = new();

    public ExternalBrokerOptions External { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(BindAddress, out var address))
        {
            yield return new ValidationResult($"Mqtt:BindAddress '{BindAddress}' is not an IP address", [nameof(BindAddress)]);
        }
        else if (!IsExternal && Port != 0 && !IPAddress.IsLoopback(address) && !AllowPlainOnNetwork)
        {
            yield return new ValidationResult(
                $"Mqtt:BindAddress {BindAddress} would expose plain MQTT to the network: use Mqtt:Tls, or set Mqtt:AllowPlainOnNetwork=true",
                [nameof(BindAddress)]);
        }

        if (Tls.Enabled && string.IsNullOrEmpty(Tls.CertificatePath))
        {
            yield return new ValidationResult("Mqtt:Tls:CertificatePath is required when Mqtt:Tls:Port is set", ["Tls.CertificatePath"]);
        }

        if (IsExternal && string.IsNullOrEmpty(External.Host))
        {
            yield return new ValidationResult("Mqtt:External:Host is required in external mode", ["External.Host"]);
        }
    }
}
