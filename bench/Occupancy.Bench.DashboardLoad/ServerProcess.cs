using Occupancy.Testing;

namespace Occupancy.Bench.DashboardLoad;

/// <summary>The server from its build output, on a free loopback port, with the demo network and one edge key.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly DotnetProcess _process;
    private readonly string _data;

    private ServerProcess(DotnetProcess process, string data, Uri baseUrl)
    {
        (_process, _data, BaseUrl) = (process, data, baseUrl);
    }

    public Uri BaseUrl { get; }

    public int Pid => _process.Id;

    public static async Task<ServerProcess> StartAsync(string repoRoot, string siteKey)
    {
        var dll = BuildOutput.ServerDll();
        var data = Directory.CreateTempSubdirectory("occupancy-bench-server-").FullName;
        var port = FreeTcpPort.Next();
        var process = DotnetProcess.Start(
            dll,
            [
                "--urls", $"http://127.0.0.1:{port}", $"--Server:DataDirectory={data}",
                $"--Seed:NetworkFile={Path.Combine(repoRoot, "scripts/demo/network.json")}", "--Logging:LogLevel:Default=Warning",
            ],
            "server: ",
            new Dictionary<string, string> { ["EdgeKeys__hq"] = siteKey },
            echoOutput: false);
        var server = new ServerProcess(process, data, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await process.WaitUntilHealthyAsync(new Uri(server.BaseUrl, "healthz"), TimeSpan.FromSeconds(60), "the server answers /healthz");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Resident memory of the server process, from /proc (MiB).</summary>
    public double ResidentMiB() => _process.ResidentMiB();

    /// <summary>CPU time the server has used so far (user + system).</summary>
    public TimeSpan CpuTime() => _process.CpuTime();

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
