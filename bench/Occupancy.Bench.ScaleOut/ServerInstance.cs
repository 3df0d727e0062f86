using System.Diagnostics;
using Occupancy.Testing;

namespace Occupancy.Bench.ScaleOut;

/// <summary>One server instance from its Release build output on a free loopback port, with the given settings.</summary>
internal sealed class ServerInstance : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _data;

    private ServerInstance(Process process, string data, Uri baseUrl) => (_process, _data, BaseUrl) = (process, data, baseUrl);

    public Uri BaseUrl { get; }

    public static async Task<ServerInstance> StartAsync(string repoRoot, IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.Combine(repoRoot, "server/Occupancy.Server/bin/Release/net10.0/Occupancy.Server.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build the server in Release first (./occupancy bench builds it).", dll);
        }

        var data = Directory.CreateTempSubdirectory("occupancy-bench-scale-out-").FullName;
        var port = FreeTcpPort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", $"http://127.0.0.1:{port}", $"--Server:DataDirectory={data}", "--Logging:LogLevel:Default=Warning" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"server :{port}: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var instance = new ServerInstance(process, data, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.Until(
            async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The server exited with {process.ExitCode}.");
                }

                try
                {
                    return (await http.GetAsync(new Uri(instance.BaseUrl, "healthz"))).IsSuccessStatusCode;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(90),
            $"the server on port {port} answers /healthz");
        return instance;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
