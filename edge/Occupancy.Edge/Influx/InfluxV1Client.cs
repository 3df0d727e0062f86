using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Occupancy.Edge.Options;

namespace Occupancy.Edge.Influx;

/// <summary>
/// A small client of the InfluxDB v1-compatible HTTP API (/write, /query, /ping), which 1.x,
/// 2.x (through DBRP mappings) and 3 Core all serve. InfluxDB.Client speaks only the 2.x API
/// and has no InfluxQL, so the edge talks HTTP itself (DESIGN.md D3).
/// </summary>
public sealed class InfluxV1Client(HttpClient http, IOptions<InfluxOptions> options)
{
    private readonly InfluxOptions _options = options.Value;

    /// <summary>Writes newline-separated line protocol with millisecond timestamps.</summary>
    public async Task WriteAsync(string lines, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WriteUri())
        {
            Content = new StringContent(lines, Encoding.UTF8, "text/plain"),
        };
        Authorize(request);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InfluxWriteException(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }

    /// <summary>Runs an InfluxQL statement and returns the JSON answer.</summary>
    public async Task<string> QueryAsync(string influxQl, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string> { ["db"] = _options.Database, ["q"] = influxQl, ["epoch"] = "ms" };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUri(), "query")) { Content = new FormUrlEncodedContent(form) };
        Authorize(request);
        using var response = await http.SendAsync(request, cancellationToken);
        string body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InfluxWriteException(response.StatusCode, body);
        }

        return body;
    }

    public Task CreateDatabaseAsync(CancellationToken cancellationToken) =>
        QueryAsync($"CREATE DATABASE \"{_options.Database.Replace("\"", "\\\"")}\"", cancellationToken);

    private Uri WriteUri()
    {
        string query = $"write?db={Uri.EscapeDataString(_options.Database)}&precision=ms";
        if (_options.RetentionPolicy.Length > 0)
        {
            query += $"&rp={Uri.EscapeDataString(_options.RetentionPolicy)}";
        }

        return new Uri(BaseUri(), query);
    }

    private Uri BaseUri() => new(_options.Url.EndsWith('/') ? _options.Url : _options.Url + "/");

    private void Authorize(HttpRequestMessage request)
    {
        if (_options.Token.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", _options.Token);
        }
        else if (_options.Username.Length > 0)
        {
            string basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.Username}:{_options.Password}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }
    }
}
