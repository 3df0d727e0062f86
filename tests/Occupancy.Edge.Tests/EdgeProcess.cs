using System.Diagnostics;
using System.Text.Json;
using Occupancy.Testing;

namespace Occupancy.Edge.Tests;

/// <summary>
/// The edge as a separate OS process (<c>dotnet edge/Occupancy.Edge/bin/{Configuration}/net10.0/Occupancy.Edge.dll</c>),
/// so a test can kill it with SIGKILL as a crash or power cut would, and start it again on the same data.
/// </summary>
internal sealed class EdgeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly OutputLines _output = new();

    private EdgeProcess(Process process, int httpPort)
    {
        _process = process;
        HttpPort = httpPort;
    }

    public int HttpPort { get; }

    public int Id => _process.Id;

    public string OutputTail => _output.ToString();

    /// <summary>
    /// The settings of an edge process for the test site on <paramref name="dataDirectory"/>: devices on
    /// <paramref name="mqttPort"/>, points to <paramref name="database"/> on <paramref name="influx"/> (written every 50 ms),
    /// a server that never answers, warnings only in the output.
    /// </summary>
    public static Dictionary<string, string> Settings(string dataDirectory, int mqttPort, Uri influx, string database) => new()
    {
        ["Edge:SiteId"] = TestSite.SiteId,
        ["Edge:DataDirectory"] = dataDirectory,
        ["Mqtt:Port"] = mqttPort.ToString(),
        ["Influx:Url"] = influx.ToString(),
        ["Influx:Database"] = database,
        ["Influx:FlushInterval"] = "00:00:00.050",
        ["Uplink:ServerUrl"] = "http://127.0.0.1:9",
        ["Uplink:SiteKey"] = "test-key",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>Starts the edge with <c>--key=value</c> settings and waits until /readyz says its broker listens.</summary>
    public static async Task<EdgeProcess> StartAsync(IReadOnlyDictionary<string, string> settings, int httpPort)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(EdgeDll());
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.ArgumentList.Add($"--Edge:HttpPort={httpPort}");
        start.Environment["DOTNET_gcServer"] = "0";
        var process = new Process { StartInfo = start };
        var edge = new EdgeProcess(process, httpPort);
        process.OutputDataReceived += (_, e) => edge._output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => edge._output.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Eventually.Until(edge.BrokerIsReadyAsync, TimeSpan.FromSeconds(30), "the edge process reports its broker ready on /readyz");
        }
        catch (TimeoutException ex)
        {
            await edge.DisposeAsync();
            throw new TimeoutException($"{ex.Message}\nEdge output:\n{edge.OutputTail}", ex);
        }

        return edge;
    }

    /// <summary>SIGKILL: no shutdown code runs, buffers in the process are lost, the page cache is not.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task<bool> BrokerIsReadyAsync()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"the edge process exited with code {_process.ExitCode}:\n{OutputTail}");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var response = await http.GetAsync($"http://127.0.0.1:{HttpPort}/readyz");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("checks").GetProperty("broker").GetProperty("status").GetString() == "healthy";
    }

    /// <summary>The edge's main assembly as built beside its project, in the configuration this test assembly was built in.</summary>
    private static string EdgeDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        string configuration = here.Parent!.Name; // …/bin/{Configuration}/net10.0/
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Occupancy.sln")) && !File.Exists(Path.Combine(root.FullName, "Occupancy.slnx")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"no Occupancy.sln above {AppContext.BaseDirectory}");
        }

        string dll = Path.Combine(root.FullName, "edge", "Occupancy.Edge", "bin", configuration, "net10.0", "Occupancy.Edge.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"build the edge first ({configuration})", dll);
    }

    private sealed class OutputLines
    {
        private readonly Queue<string> _lines = new();

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_lines)
            {
                _lines.Enqueue(line);
                if (_lines.Count > 200)
                {
                    _lines.Dequeue();
                }
            }
        }

        public override string ToString()
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }
}
