using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Occupancy.Testing;

namespace Occupancy.EndToEnd.Tests.Deployment;

/// <summary>
/// The systemd units and example settings an operator installs (<c>deploy/systemd/</c>, docs/deployment.md): systemd
/// accepts them, and each service started as its unit says, with the example's settings, comes up, keeps its data in
/// its state directory and stops cleanly on <c>systemctl stop</c>.
/// </summary>
public sealed class SystemdUnitTests : IAsyncLifetime
{
    private const string NetworkKeyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private readonly string _root = Directory.CreateTempSubdirectory("occupancy-installed-").FullName;
    private InfluxdServer _influx = null!;

    public async Task InitializeAsync() => _influx = await InfluxdServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _influx.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [InlineData("occupancy-edge.service", "edge", "Occupancy.Edge")]
    [InlineData("occupancy-server.service", "server", "Occupancy.Server")]
    public async Task Unit_IsAcceptedBySystemd(string unitFile, string projectFolder, string executable)
    {
        // systemd checks that ExecStart names an executable: the copy names this build's instead of /opt/occupancy.
        string text = await File.ReadAllTextAsync(Path.Combine(ServiceUnit.Folder, unitFile));
        string copy = Path.Combine(_root, unitFile);
        await File.WriteAllTextAsync(copy, System.Text.RegularExpressions.Regex.Replace(
            text, "^ExecStart=.*$", "ExecStart=" + InstalledService.BuiltExecutable(projectFolder, executable), System.Text.RegularExpressions.RegexOptions.Multiline));

        var verify = new ProcessStartInfo("systemd-analyze") { RedirectStandardOutput = true, RedirectStandardError = true };
        verify.ArgumentList.Add("verify");
        verify.ArgumentList.Add(copy);
        using var process = Process.Start(verify)!;
        string complaints = await process.StandardError.ReadToEndAsync() + await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0 && complaints.Length == 0, $"systemd-analyze verify {unitFile}: exit {process.ExitCode}\n{complaints}");
    }

    [Fact]
    public async Task Edge_AsItsUnitStartsIt_ListensWithTheExamplesTls_KeepsItsOutboxInItsStateDirectory_AndStopsCleanly()
    {
        var unit = ServiceUnit.Load("occupancy-edge.service");
        var settings = ServiceUnit.ReadEnvironmentFile(Path.Combine(ServiceUnit.Folder, "edge.env.example"));
        var certificate = await PlaceCertificateAsync(settings["Mqtt__Tls__CertificatePath"], "pfx-password");
        int[] ports = FreeTcpPort.Distinct(3);
        (int tlsPort, int httpPort, int plainPort) = (ports[0], ports[1], ports[2]);

        // What an operator fills in for this machine; everything else is the example's.
        settings["Mqtt__Tls__Port"] = tlsPort.ToString(CultureInfo.InvariantCulture);
        settings["Mqtt__Tls__BindAddress"] = "127.0.0.1";
        settings["Mqtt__Tls__CertificatePassword"] = "pfx-password";
        settings["Mqtt__Port"] = plainPort.ToString(CultureInfo.InvariantCulture);
        settings["Edge__HttpPort"] = httpPort.ToString(CultureInfo.InvariantCulture);
        settings["Influx__Url"] = _influx.BaseUri.ToString();
        settings["Uplink__ServerUrl"] = "http://127.0.0.1:9";
        settings["Access__NetworkKey"] = NetworkKeyHex;
        settings["Access__DoorMasterKey"] = NetworkKeyHex;

        await using var edge = InstalledService.Start(unit, InstalledService.BuiltExecutable("edge", "Occupancy.Edge"), _root, settings);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/") };
        await edge.WaitUntilAsync(async () => await ReadyAsync(http, "broker") && await ReadyAsync(http, "influxdb"), TimeSpan.FromSeconds(60));

        Assert.Equal(certificate.Thumbprint, await TlsCertificateThumbprintAsync(tlsPort));
        Assert.True(Directory.Exists(Path.Combine(InstalledService.Under(_root, unit.StateDirectory), "outbox")), edge.Output);

        Assert.Equal(0, await edge.StopAsync(TimeoutStop(unit)));
    }

    [Fact]
    public async Task Edge_WithTheExamplesPlaceholderKeys_RefusesToStart_NamingThem_WithAnExitStatusItsUnitDoesNotRestart()
    {
        var unit = ServiceUnit.Load("occupancy-edge.service");
        var settings = ServiceUnit.ReadEnvironmentFile(Path.Combine(ServiceUnit.Folder, "edge.env.example"));
        int[] ports = FreeTcpPort.Distinct(3);
        settings["Mqtt__Tls__Port"] = ports[0].ToString(CultureInfo.InvariantCulture);
        settings["Mqtt__Port"] = ports[1].ToString(CultureInfo.InvariantCulture);
        settings["Edge__HttpPort"] = ports[2].ToString(CultureInfo.InvariantCulture);

        string refusal = await RefusalAsync(unit, "edge", "Occupancy.Edge", settings);
        Assert.Contains("Access:NetworkKey must be at least 32 hex digits", refusal);
        Assert.Contains("Access:DoorMasterKey must be at least 32 hex digits", refusal);
    }

    [Fact]
    public async Task Server_AsItsUnitStartsIt_SignsInTheExamplesAdmin_KeepsItsDatabaseInItsStateDirectory_AndStopsCleanly()
    {
        var unit = ServiceUnit.Load("occupancy-server.service");
        var settings = ServiceUnit.ReadEnvironmentFile(Path.Combine(ServiceUnit.Folder, "server.env.example"));
        int port = FreeTcpPort.Next();
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        settings["EdgeKeys__hq"] = "a-long-random-site-key-for-the-installed-server";
        settings["Access__NetworkKey"] = NetworkKeyHex;
        settings["Admin__Password"] = "an-admin-password-of-the-installed-server";
        settings["Influx__Url"] = _influx.BaseUri.ToString();

        await using var server = InstalledService.Start(unit, InstalledService.BuiltExecutable("server", "Occupancy.Server"), _root, settings);
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        await server.WaitUntilAsync(async () => (await http.GetAsync("healthz")).IsSuccessStatusCode, TimeSpan.FromSeconds(90));

        using (var signIn = await http.PostAsJsonAsync("api/account/sign-in", new { email = settings["Admin__Email"], password = settings["Admin__Password"] }))
        {
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        }

        Assert.True(File.Exists(Path.Combine(InstalledService.Under(_root, unit.StateDirectory), "occupancy.db")), server.Output);
        Assert.Equal(0, await server.StopAsync(TimeoutStop(unit)));
    }

    [Fact]
    public async Task Server_WithTheExamplesPlaceholders_RefusesToStart_NamingThem_WithAnExitStatusItsUnitDoesNotRestart()
    {
        var unit = ServiceUnit.Load("occupancy-server.service");
        var settings = ServiceUnit.ReadEnvironmentFile(Path.Combine(ServiceUnit.Folder, "server.env.example"));
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreeTcpPort.Next()}";
        settings["Influx__Url"] = _influx.BaseUri.ToString();

        // The example's admin password first; once that is set, its network key.
        Assert.Contains("Admin:Email/Admin:Password: cannot create the admin", await RefusalAsync(unit, "server", "Occupancy.Server", settings));
        settings["Admin__Password"] = "an-admin-password-of-the-installed-server";
        Assert.Contains("Access:NetworkKey must be an even number (at least 32) of hex digits", await RefusalAsync(unit, "server", "Occupancy.Server", settings));
    }

    /// <summary>Starts a service as its unit says and returns what it printed, once it has exited as its unit does not restart.</summary>
    private async Task<string> RefusalAsync(ServiceUnit unit, string projectFolder, string executable, IReadOnlyDictionary<string, string> settings)
    {
        await using var service = InstalledService.Start(unit, InstalledService.BuiltExecutable(projectFolder, executable), _root, settings);
        int? exit = await service.ExitCodeAsync(TimeSpan.FromSeconds(60));
        Assert.True(exit is not null && exit.ToString() == unit["RestartPreventExitStatus"], $"exit {exit}\n{service.Output}");
        Assert.Contains($"{executable} cannot start:", service.Output);
        return service.Output;
    }

    private static TimeSpan TimeoutStop(ServiceUnit unit) => TimeSpan.FromSeconds(int.Parse(unit["TimeoutStopSec"], CultureInfo.InvariantCulture));

    /// <summary>A certificate for the edge's TLS listener, where the example's settings look for it.</summary>
    private async Task<X509Certificate2> PlaceCertificateAsync(string examplePath, string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=edge.installed.local", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        string path = InstalledService.Under(_root, examplePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pkcs12, password));
        return certificate;
    }

    private static async Task<string> TlsCertificateThumbprintAsync(int port)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        string? thumbprint = null;
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, certificate, _, _) =>
        {
            thumbprint = certificate is null ? null : new X509Certificate2(certificate).Thumbprint;
            return true;
        });
        await tls.AuthenticateAsClientAsync("edge.installed.local");
        return thumbprint ?? "";
    }

    private static async Task<bool> ReadyAsync(HttpClient http, string check)
    {
        using var response = await http.GetAsync("readyz");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("checks").GetProperty(check).GetProperty("status").GetString() == "healthy";
    }
}
