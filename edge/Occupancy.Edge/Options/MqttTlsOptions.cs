using System.ComponentModel.DataAnnotations;

namespace Occupancy.Edge.Options;

/// <summary>The embedded broker's TLS listener for devices on the site network.</summary>
public sealed class MqttTlsOptions
{
    /// <summary>0 (default) means no TLS listener; 8883 is the usual port.</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>A PKCS#12 (.pfx) file with the certificate and its private key.</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>From the environment or a secrets file, never committed.</summary>
    public string CertificatePassword { get; set; } = "";

    public bool Enabled => Port != 0;
}
