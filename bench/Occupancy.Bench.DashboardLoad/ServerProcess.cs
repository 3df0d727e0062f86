using System.Diagnostics;
using System.Net.Http;
using Occupancy.Testing;

namespace Occupancy.Bench.DashboardLoad;

/// <summary>The server from its Release build output, on a free loopback port, with the demo network and one edge key.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _data;

    private ServerProcess(Process process, string data, Uri baseUrl)
    {
        (_process, _data, BaseUrl) = (process, data, baseUrl);
    }

    public Uri BaseUrl { get; }

    public int Pid => _process.Id;

    public static async Task<ServerProcess> StartAsync(string repoRoot, string siteKey)
    {
        var dll = Path.Combine(repoRoot, "server/Occupancy.Server/bin/Release/net10.0/Occupancy.Server.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build the server in Release first (./occupancy bench builds it).", dll);
        }

        var data = Directory.CreateTempSubdirectory("occupancy-bench-server-").FullName;
        var port = FreeTcpPort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                dll, "--urls", $"http://127.0.0.1:{port}", $"--Server:DataDirectory={data}",
                $"--Seed:NetworkFile={Path.Combine(repoRoot, "scripts/demo/network.json")}", "--Logging:LogLevel:Default=Warning",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["EdgeKeys__hq"] = siteKey;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"server: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {process.ExitCode}.");
            }

            try
            {
                if ((await http.GetAsync(new Uri(baseUrl, "healthz"))).IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The server did not answer /healthz within 60 s.");
            }

            await Task.Delay(200);
        }

        return new ServerProcess(process, data, baseUrl);
    }

    /// <summary>Resident memory of the server process, from /proc (MiB).</summary>
    public double ResidentMiB()
    {
        var line = File.ReadLines($"/proc/{Pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    /// <summary>CPU time the server has used so far (user + system).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
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
