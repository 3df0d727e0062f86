using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using Occupancy.Testing;

namespace Occupancy.Edge.Tests.Mqtt;

/// <summary>The embedded broker's TLS listener, with a certificate the test makes.</summary>
public sealed class TlsListenerTests : IAsyncLifetime
{
    private readonly string _certificateFolder = Directory.CreateTempSubdirectory("occupancy-tls-").FullName;
    private X509Certificate2 _certificate = null!;
    private TestEdge _edge = null!;
    private int _tlsPort;

    public async Task InitializeAsync()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=edge.test-site.local", key, HashAlgorithmName.SHA256);
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        string pfx = Path.Combine(_certificateFolder, "edge.pfx");
        await File.WriteAllBytesAsync(pfx, _certificate.Export(X509ContentType.Pkcs12, "pfx-password"));
        _tlsPort = FreeTcpPort.Next();
        _edge = await TestEdge.StartAsync("http://127.0.0.1:9", settings: new Dictionary<string, string?>
        {
            ["Mqtt:Port"] = "0",
            ["Mqtt:Tls:Port"] = _tlsPort.ToString(),
            ["Mqtt:Tls:BindAddress"] = "127.0.0.1",
            ["Mqtt:Tls:CertificatePath"] = pfx,
            ["Mqtt:Tls:CertificatePassword"] = "pfx-password",
        });
    }

    public async Task DisposeAsync()
    {
        await _edge.DisposeAsync();
        _certificate.Dispose();
        Directory.Delete(_certificateFolder, recursive: true);
    }

    [Fact]
    public async Task Device_PinningTheEdgesCertificate_LogsInOverTls()
    {
        string expectedThumbprint = _certificate.Thumbprint;
        using var device = new MqttClientFactory().CreateMqttClient();
        var options = DeviceOptions()
            .WithTlsOptions(tls => tls.UseTls().WithCertificateValidationHandler(context => context.Certificate.GetCertHashString() == expectedThumbprint))
            .Build();

        var result = await device.ConnectAsync(options);

        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
    }

    [Fact]
    public async Task Device_SpeakingPlainMqttToTheTlsPort_CannotConnect()
    {
        using var device = new MqttClientFactory().CreateMqttClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        await Assert.ThrowsAnyAsync<Exception>(() => device.ConnectAsync(DeviceOptions().Build(), timeout.Token));
        Assert.False(device.IsConnected);
    }

    private MqttClientOptionsBuilder DeviceOptions() => new MqttClientOptionsBuilder()
        .WithTcpServer("127.0.0.1", _tlsPort)
        .WithClientId("sensor-1")
        .WithCredentials("sensor-1", TestSite.SecretOf("sensor-1"))
        .WithProtocolVersion(MqttProtocolVersion.V500)
        .WithTimeout(TimeSpan.FromSeconds(5));
}
