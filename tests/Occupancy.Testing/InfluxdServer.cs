using System.Net;
using System.Text;
using System.Text.Json;

namespace Occupancy.Testing;

/// <summary>
/// A real influxd (Debian's 1.x) on a free loopback port with its data in a temporary folder.
/// Speaks the v1 API the project targets: <c>/write</c>, <c>/query</c>, <c>/ping</c>.
/// </summary>
public sealed class InfluxdServer : LocalService
{
    private readonly string _executable;
    private readonly int _bindPort;
    private readonly HttpClient _http;
    private readonly IReadOnlyDictionary<string, string>? _settings;

    private InfluxdServer(string executable, string dataFolder, int port, int bindPort, IReadOnlyDictionary<string, string>? settings = null)
        : base("influxd", readyTimeout: TimeSpan.FromSeconds(20), stopGrace: TimeSpan.FromSeconds(10))
    {
        _executable = executable;
        DataFolder = dataFolder;
        Port = port;
        _bindPort = bindPort;
        _settings = settings;
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        _http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Where the server keeps meta, data and WAL; kept across <see cref="RestartAsync"/>.</summary>
    public string DataFolder { get; }

    public Uri BaseUri { get; }

    public int Port { get; }

    /// <param name="settings">Extra INFLUXDB_* environment settings, e.g. to shorten how long a quiet shard's cache waits for disk.</param>
    public static async Task<InfluxdServer> StartAsync(CancellationToken cancellationToken = default, IReadOnlyDictionary<string, string>? settings = null)
    {
        var executable = RequiredCommand.Locate("influxd", "influxdb");
        return await StartOnFreePortsAsync(
            () =>
            {
                var port = FreeTcpPort.Next();
                return new InfluxdServer(
                    executable,
                    Directory.CreateTempSubdirectory("occupancy-influxd-").FullName,
                    port,
                    FreeTcpPort.NextExcept(port),
                    settings);
            },
            cancellationToken);
    }

    public async Task CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        var json = await QueryAsync("", $"CREATE DATABASE \"{name}\"", cancellationToken: cancellationToken);
        ThrowOnQueryError(json);
    }

    /// <summary>POSTs line protocol to <c>/write</c>; throws with influxd's answer unless it says 204.</summary>
    public async Task WriteAsync(
        string database,
        string lineProtocol,
        string precision = "ns",
        CancellationToken cancellationToken = default)
    {
        var uri = $"write?db={Uri.EscapeDataString(database)}&precision={Uri.EscapeDataString(precision)}";
        using var content = new StringContent(lineProtocol, Encoding.UTF8, "text/plain");
        using var response = await _http.PostAsync(uri, content, cancellationToken);
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"influxd /write answered {(int)response.StatusCode}: {body}");
        }
    }

    /// <summary>Runs InfluxQL through <c>POST /query</c> and returns the JSON answer as text.</summary>
    /// <param name="epoch">Time precision of returned timestamps (<c>ms</c>, <c>s</c>, …); RFC 3339 strings when null.</param>
    public async Task<string> QueryAsync(
        string database,
        string influxql,
        string? epoch = null,
        CancellationToken cancellationToken = default)
    {
        var form = new Dictionary<string, string> { ["q"] = influxql };
        if (database.Length > 0)
        {
            form["db"] = database;
        }

        if (epoch is not null)
        {
            form["epoch"] = epoch;
        }

        using var content = new FormUrlEncodedContent(form);
        using var response = await _http.PostAsync("query", content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"influxd /query answered {(int)response.StatusCode}: {body}");
        }

        return body;
    }

    /// <summary>
    /// The rows of the first series of the first statement, each as column → value
    /// (the <c>time</c> column included). Empty when the query matched nothing.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, JsonElement>>> QueryRowsAsync(
        string database,
        string influxql,
        string? epoch = null,
        CancellationToken cancellationToken = default)
    {
        var json = await QueryAsync(database, influxql, epoch, cancellationToken);
        using var document = JsonDocument.Parse(json);
        var result = FirstResult(document, json);
        if (!result.TryGetProperty("series", out var series) || series.GetArrayLength() == 0)
        {
            return [];
        }

        var first = series[0];
        var columns = first.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? "").ToArray();
        var rows = new List<IReadOnlyDictionary<string, JsonElement>>();
        foreach (var values in first.GetProperty("values").EnumerateArray())
        {
            var row = new Dictionary<string, JsonElement>(columns.Length);
            var index = 0;
            foreach (var value in values.EnumerateArray())
            {
                // Clone: the values must outlive the JsonDocument disposed on return.
                row[columns[index++]] = value.Clone();
            }

            rows.Add(row);
        }

        return rows;
    }

    protected override void DeleteFiles()
    {
        _http.Dispose();
        DeleteFolder(DataFolder);
    }

    private protected override ServiceProcess Launch()
    {
        var environment = new Dictionary<string, string>
        {
            ["INFLUXDB_META_DIR"] = Path.Combine(DataFolder, "meta"),
            ["INFLUXDB_DATA_DIR"] = Path.Combine(DataFolder, "data"),
            ["INFLUXDB_DATA_WAL_DIR"] = Path.Combine(DataFolder, "wal"),
            ["INFLUXDB_HTTP_BIND_ADDRESS"] = $"127.0.0.1:{Port}",
            // The RPC (backup) port defaults to 8088: two instances would collide on it.
            ["INFLUXDB_BIND_ADDRESS"] = $"127.0.0.1:{_bindPort}",
            ["INFLUXDB_REPORTING_DISABLED"] = "true",
            ["INFLUXDB_MONITOR_STORE_ENABLED"] = "false",
            // One log line per request and per query would bury the lines that explain a failure.
            ["INFLUXDB_HTTP_LOG_ENABLED"] = "false",
            ["INFLUXDB_DATA_QUERY_LOG_ENABLED"] = "false",
        };
        foreach (var (name, value) in _settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return ServiceProcess.Start("influxd", _executable, ["-config", "/dev/null"], environment, DataFolder);
    }

    protected override async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync("ping", cancellationToken);
        return response.StatusCode == HttpStatusCode.NoContent;
    }

    private static JsonElement FirstResult(JsonDocument document, string json)
    {
        if (document.RootElement.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"influxd query failed: {error.GetString()}");
        }

        var result = document.RootElement.GetProperty("results")[0];
        if (result.TryGetProperty("error", out var statementError))
        {
            throw new InvalidOperationException($"influxd statement failed: {statementError.GetString()} ({json})");
        }

        return result;
    }

    private static void ThrowOnQueryError(string json)
    {
        using var document = JsonDocument.Parse(json);
        _ = FirstResult(document, json);
    }
}
