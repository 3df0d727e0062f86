namespace Occupancy.Testing;

/// <summary>
/// A real PostgreSQL (Debian's postgresql package) on a free loopback port, its cluster in a temporary folder,
/// with fsync off. Trust authentication for user postgres; a database is created by whoever connects to it
/// first (EF Core's Migrate does). As root, initdb and postgres run as the postgres user, which they demand.
/// </summary>
public sealed class PostgresServer : LocalService
{
    private const string BinariesRoot = "/usr/lib/postgresql";
    private const string ServiceUser = "postgres";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(120);

    private readonly string _binaries;

    // Stopping is a smart shutdown, which waits for open sessions: clear the client's pools first.
    private PostgresServer(string binaries, string folder, int port)
        : base("postgres", readyTimeout: TimeSpan.FromSeconds(30), stopGrace: TimeSpan.FromSeconds(10))
    {
        _binaries = binaries;
        Folder = folder;
        Port = port;
    }

    /// <summary>Holds the cluster (<c>data/</c>) and the Unix socket; kept across <see cref="RestartAsync"/>.</summary>
    public string Folder { get; }

    public int Port { get; }

    private string DataFolder => Path.Combine(Folder, "data");


    private static bool IsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    /// <summary>A connection string for <paramref name="database"/> (created on first connect by EF Core's Migrate).</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={ServiceUser};Database={database};Pooling=true;Timeout=15";

    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var binaries = LocateBinaries();
        var folder = Directory.CreateTempSubdirectory("occupancy-postgres-").FullName;
        var server = new PostgresServer(binaries, folder, FreeTcpPort.Next());
        try
        {
            await server.InitializeClusterAsync(cancellationToken);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await server.StartProcessAsync(cancellationToken);
                    return server;
                }
                catch (ServiceStartException ex) when (attempt < StartAttempts && IsPortConflict(ex))
                {
                    // Another test took the port between asking for it and postgres binding it: try another.
                    await server.KillAsync();
                    server = new PostgresServer(binaries, folder, FreeTcpPort.NextExcept(server.Port));
                }
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    protected override void DeleteFiles() => DeleteFolder(Folder);

    private async Task InitializeClusterAsync(CancellationToken cancellationToken)
    {
        if (IsRoot)
        {
            // initdb refuses root; the cluster's folder must belong to the user postgres runs as.
            await RunToolAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", Folder], cancellationToken);
        }

        string[] initdb = [Path.Combine(_binaries, "initdb"), "-D", DataFolder, "-A", "trust", "-U", ServiceUser, "--no-sync", "--no-locale", "-E", "UTF8"];
        if (IsRoot)
        {
            await RunToolAsync("runuser", ["-u", ServiceUser, "--", .. initdb], cancellationToken);
        }
        else
        {
            await RunToolAsync(initdb[0], initdb[1..], cancellationToken);
        }
    }

    private protected override ServiceProcess Launch()
    {
        string[] postgres =
        [
            Path.Combine(_binaries, "postgres"), "-D", DataFolder, "-p", Port.ToString(), "-k", Folder,
            "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
        ];

        // setpriv replaces itself with postgres, so the process started here is the postmaster (runuser would stay
        // in between and a kill would leave postgres behind).
        return IsRoot
            ? ServiceProcess.Start("postgres", "setpriv", ["--reuid=" + ServiceUser, "--regid=" + ServiceUser, "--init-groups", "--", .. postgres], workingDirectory: Folder)
            : ServiceProcess.Start("postgres", postgres[0], postgres[1..], workingDirectory: Folder);
    }

    protected override async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        await using var probe = ServiceProcess.Start(
            "pg_isready", Path.Combine(_binaries, "pg_isready"), ["-h", "127.0.0.1", "-p", Port.ToString(), "-U", ServiceUser, "-q"]);
        return await probe.WaitForExitCodeAsync(cancellationToken) == 0;
    }

    private static async Task RunToolAsync(string executable, string[] arguments, CancellationToken cancellationToken)
    {
        await using var tool = ServiceProcess.Start(Path.GetFileName(executable), executable, arguments);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ToolTimeout);
        var exitCode = await tool.WaitForExitCodeAsync(timeout.Token);
        if (exitCode != 0)
        {
            throw new ServiceStartException(
                $"{executable} {string.Join(' ', arguments)} exited with code {exitCode}. Last output:{Environment.NewLine}{tool.Tail}");
        }
    }

    /// <summary>The newest installed major version's bin folder (e.g. /usr/lib/postgresql/15/bin).</summary>
    private static string LocateBinaries()
    {
        var found = Directory.Exists(BinariesRoot)
            ? Directory.GetDirectories(BinariesRoot)
                .Select(dir => (Dir: dir, Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : -1))
                .Where(x => x.Version > 0 && File.Exists(Path.Combine(x.Dir, "bin", "postgres")))
                .OrderByDescending(x => x.Version)
                .Select(x => Path.Combine(x.Dir, "bin"))
                .FirstOrDefault()
            : null;
        return found ?? throw new MissingServiceException(
            $"postgres not found under {BinariesRoot}: install it with 'apt-get install -y postgresql' (or run ./occupancy test, which installs it)");
    }
}
