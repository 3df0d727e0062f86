namespace Occupancy.Testing;

/// <summary>A real mosquitto broker on a free loopback port, configured from a temporary folder.</summary>
public sealed class MosquittoServer : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);
    private const int StartAttempts = 3;

    private readonly string _executable;
    private readonly string _configFile;
    private ServiceProcess? _process;

    private MosquittoServer(string executable, string configFolder, int port)
    {
        _executable = executable;
        ConfigFolder = configFolder;
        Port = port;
        _configFile = Path.Combine(configFolder, "mosquitto.conf");
    }

    /// <summary>The broker's address for clients.</summary>
    public string Host => "127.0.0.1";

    public int Port { get; }

    public int ProcessId => Running.Id;

    /// <summary>Holds mosquitto.conf and, when configured, the password and ACL files.</summary>
    public string ConfigFolder { get; }

    /// <summary>The last lines mosquitto printed, for diagnosing a failing test.</summary>
    public string OutputTail => _process?.Tail ?? "";

    private ServiceProcess Running => _process ?? throw new InvalidOperationException("mosquitto is not running.");

    public static async Task<MosquittoServer> StartAsync(
        MosquittoOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new MosquittoOptions();
        var executable = RequiredCommand.Locate("mosquitto", "mosquitto");
        for (var attempt = 1; ; attempt++)
        {
            var server = new MosquittoServer(
                executable,
                Directory.CreateTempSubdirectory("occupancy-mosquitto-").FullName,
                FreeTcpPort.Next());
            try
            {
                await server.WriteConfigAsync(options, cancellationToken);
                await server.StartProcessAsync(cancellationToken);
                return server;
            }
            catch (ServiceStartException ex) when (attempt < StartAttempts && IsPortConflict(ex))
            {
                // Another test took the port between asking for it and mosquitto binding it: try a fresh one.
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Stops mosquitto gracefully (SIGTERM); port and config stay for <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            await process.StopAsync(StopGrace);
            await process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>Kills mosquitto without warning, as a crash would.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            await process.KillAsync();
            await process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>Stops mosquitto if running and starts it again on the same port with the same config.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync();
        await StartProcessAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(ConfigFolder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

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

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        var process = ServiceProcess.Start("mosquitto", _executable, ["-c", _configFile], workingDirectory: ConfigFolder);
        _process = process;
        await process.WaitUntilReadyAsync(
            token => FreeTcpPort.AcceptsConnectionsAsync(Port, token),
            ReadyTimeout,
            cancellationToken);
    }

    private static bool IsPortConflict(ServiceStartException exception) =>
        exception.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase);
}
