using System.Net;
using System.Net.Http.Json;
using Occupancy.Testing;

namespace Occupancy.Bench.Common;

/// <summary>One server instance from its build output on a free loopback port, with the given settings.</summary>
public sealed class ServerInstance : IAsyncDisposable
{
    private readonly DotnetProcess _process;
    private readonly string _data;

    private ServerInstance(DotnetProcess process, string data, Uri baseUrl) => (_process, _data, BaseUrl) = (process, data, baseUrl);

    public Uri BaseUrl { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts the server; its log (stdout) is echoed only with <paramref name="echoOutput"/>, its errors always.</summary>
    public static async Task<ServerInstance> StartAsync(IReadOnlyDictionary<string, string> settings, bool echoOutput = false)
    {
        var dll = BuildOutput.ServerDll();
        var data = Directory.CreateTempSubdirectory("occupancy-bench-server-").FullName;
        var port = FreeTcpPort.Next();
        var process = DotnetProcess.Start(
            dll,
            ["--urls", $"http://127.0.0.1:{port}", $"--Server:DataDirectory={data}", "--Logging:LogLevel:Default=Warning"],
            $"server :{port}: ",
            settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value),
            echoOutput);
        var instance = new ServerInstance(process, data, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await process.WaitUntilHealthyAsync(new Uri(instance.BaseUrl, "healthz"), TimeSpan.FromSeconds(90), $"the server on port {port} answers /healthz");
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    /// <summary>An HTTP client signed in as <paramref name="email"/> (it keeps the session cookie); the caller disposes it.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password, TimeSpan timeout)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = BaseUrl, Timeout = timeout };
        try
        {
            using var signIn = await client.PostAsJsonAsync("/api/account/sign-in", new { email, password });
            signIn.EnsureSuccessStatusCode();
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

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
