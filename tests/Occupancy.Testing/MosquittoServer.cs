namespace Occupancy.Testing;

/// <summary>A real mosquitto broker on a free loopback port, configured from a temporary folder.</summary>
public sealed class MosquittoServer : LocalService
{
    private readonly string _executable;
    private readonly string _configFile;
    private MosquittoServer(string executable, string configFolder, int port)
        : base("mosquitto", readyTimeout: TimeSpan.FromSeconds(20), stopGrace: TimeSpan.FromSeconds(5))
    {
        _executable = executable;
        ConfigFolder = configFolder;
        Port = port;
        _configFile = Path.Combine(configFolder, "mosquitto.conf");
    }

    /// <summary>The broker's address for clients.</summary>
    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>Holds mosquitto.conf and, when configured, the password and ACL files.</summary>
    public string ConfigFolder { get; }

    public static async Task<MosquittoServer> StartAsync(
        MosquittoOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new MosquittoOptions();
        var executable = RequiredCommand.Locate("mosquitto", "mosquitto");
        return await StartOnFreePortsAsync(
            () => new MosquittoServer(executable, Directory.CreateTempSubdirectory("occupancy-mosquitto-").FullName, FreeTcpPort.Next()),
            cancellationToken,
            (server, token) => server.WriteConfigAsync(options, token));
    }

    protected override void DeleteFiles() => DeleteFolder(ConfigFolder);

    private async Task WriteConfigAsync(MosquittoOptions options, CancellationToken cancellationToken)
    {
        var lines = new List<string>
        {
            $"listener {Port} 127.0.0.1",
            // Started as root, mosquitto would switch to the mosquitto user, who cannot read a temp folder.
            "user root",
            "persistence false",
            "log_dest stderr",
            $"allow_anonymous {(options.PasswordFile is null ? "true" : "false")}",
        };
        if (options.PasswordFile is { } passwords)
        {
            var passwordFile = Path.Combine(ConfigFolder, "passwd");
            await File.WriteAllTextAsync(passwordFile, passwords, cancellationToken);
            lines.Add($"password_file {passwordFile}");
        }

        if (options.AclLines.Count > 0)
        {
            var aclFile = Path.Combine(ConfigFolder, "acl");
            await File.WriteAllLinesAsync(aclFile, options.AclLines, cancellationToken);
            lines.Add($"acl_file {aclFile}");
        }

        lines.AddRange(options.ExtraConfigLines);
        await File.WriteAllLinesAsync(_configFile, lines, cancellationToken);
    }

    private protected override ServiceProcess Launch() =>
        ServiceProcess.Start("mosquitto", _executable, ["-c", _configFile], workingDirectory: ConfigFolder);

    protected override Task<bool> IsReadyAsync(CancellationToken cancellationToken) =>
        FreeTcpPort.AcceptsConnectionsAsync(Port, cancellationToken);
}
