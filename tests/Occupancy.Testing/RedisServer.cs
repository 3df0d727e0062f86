namespace Occupancy.Testing;

/// <summary>
/// A real redis-server (Debian's redis-server package) on a free loopback port, without persistence, its
/// working folder temporary: the SignalR backplane and the server instances' live updates run through it.
/// </summary>
public sealed class RedisServer : LocalService
{
    private readonly string _executable;

    private RedisServer(string executable, string folder, int port)
        : base("redis-server", readyTimeout: TimeSpan.FromSeconds(20), stopGrace: TimeSpan.FromSeconds(5))
    {
        _executable = executable;
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    /// <summary>A StackExchange.Redis connection string for this server (what the server's <c>Server:Redis</c> takes).</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var executable = RequiredCommand.Locate("redis-server", "redis-server");
        return await StartOnFreePortsAsync(
            () => new RedisServer(executable, Directory.CreateTempSubdirectory("occupancy-redis-").FullName, FreeTcpPort.Next()),
            cancellationToken);
    }

    protected override void DeleteFiles() => DeleteFolder(Folder);

    private protected override ServiceProcess Launch() =>
        ServiceProcess.Start(
            "redis-server",
            _executable,
            ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", Folder, "--daemonize", "no"],
            workingDirectory: Folder);

    protected override Task<bool> IsReadyAsync(CancellationToken cancellationToken) =>
        FreeTcpPort.AcceptsConnectionsAsync(Port, cancellationToken);
}
