using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Occupancy.Testing;

namespace Occupancy.Bench.Heatmap;

/// <summary>The server's own build output run with <c>dotnet</c>, signed in as its admin.</summary>
internal sealed class ServerRunner : IAsyncDisposable
{
    public const string AdminEmail = "admin@bench.local";
    private const string AdminPassword = "benchmark-admin-password";

    private readonly Process _process;
    private readonly string _dataDirectory;

    private ServerRunner(Process process, string dataDirectory, Uri baseUri)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        Http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(5) };
    }

    public int ProcessId => _process.Id;

    /// <summary>Sends the admin's cookie once signed in.</summary>
    public HttpClient Http { get; }

    public static async Task<ServerRunner> StartAsync(string networkFile, Uri influx, string database, int backfillDays)
    {
        var port = FreeTcpPort.Next();
        var dataDirectory = Directory.CreateTempSubdirectory("occupancy-bench-server-").FullName;
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ServerDll());
        foreach (var argument in new[]
                 {
                     $"--urls=http://127.0.0.1:{port}", $"--Server:DataDirectory={dataDirectory}", $"--Seed:NetworkFile={networkFile}",
                     $"--Influx:Url={influx}", $"--Influx:Database={database}", $"--Admin:Email={AdminEmail}", $"--Admin:Password={AdminPassword}",
                     // Long enough to measure a slow answer instead of turning it into a 503.
                     "--Influx:QueryTimeout=00:10:00", "--Logging:LogLevel:Default=Warning",
                     // The background roll-up of every seeded day, and its log line with how long it took.
                     $"--UsageRollup:BackfillDays={backfillDays}", "--Logging:LogLevel:Occupancy.Server.Utilisation=Information",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Echo(e.Data);
        process.ErrorDataReceived += (_, e) => Echo(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerRunner(process, dataDirectory, new Uri($"http://127.0.0.1:{port}/"));
        await Eventually.Until(server.IsHealthyAsync, TimeSpan.FromSeconds(60), "the server answers /healthz");
        using var signIn = await server.Http.PostAsJsonAsync("/api/account/sign-in", new { email = AdminEmail, password = AdminPassword });
        signIn.EnsureSuccessStatusCode();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private async Task<bool> IsHealthyAsync()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"The server exited with code {_process.ExitCode}.");
        }

        try
        {
            using var response = await Http.GetAsync("/healthz");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static string ServerDll()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Occupancy.sln")))
        {
            directory = directory.Parent;
        }

        var dll = Path.Combine(directory?.FullName ?? ".", "server", "Occupancy.Server", "bin", "Release", "net10.0", "Occupancy.Server.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the server in Release first (./occupancy bench builds it).", dll);
    }

    private static void Echo(string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            Console.WriteLine($"    server: {line}");
        }
    }
}
