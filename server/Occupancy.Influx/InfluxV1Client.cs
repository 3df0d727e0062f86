using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Occupancy.Influx;

/// <summary>
/// A small client of the InfluxDB v1-compatible HTTP API (/write, /query, /ping), which 1.x,
/// 2.x (through DBRP mappings) and 3 Core all serve. InfluxDB.Client speaks only the 2.x API
/// and has no InfluxQL, so the project talks HTTP itself (DESIGN.md D3). The edge writes through it, the server
/// reads utilisation through it.
/// </summary>
public sealed class InfluxV1Client(HttpClient http, InfluxConnection options)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly InfluxConnection _options = options;

    /// <summary>Writes newline-separated line protocol with millisecond timestamps.</summary>
    public Task WriteAsync(string lines, CancellationToken cancellationToken) =>
        WriteAsync([lines], 0, 1, cancellationToken);

    /// <summary>Writes <paramref name="count"/> lines of <paramref name="lines"/> from <paramref name="start"/>, gzip-compressed unless turned off.</summary>
    public async Task WriteAsync(IReadOnlyList<string> lines, int start, int count, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WriteUri()) { Content = Body(lines, start, count) };
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

    /// <summary>
    /// Runs an InfluxQL statement and parses the JSON answer straight from the response stream (large answers are
    /// never held as text). Throws <see cref="InfluxWriteException"/> on an HTTP error or a statement error.
    /// </summary>
    public async Task<JsonDocument> QueryJsonAsync(string influxQl, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string> { ["db"] = _options.Database, ["q"] = influxQl, ["epoch"] = "ms" };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUri(), "query")) { Content = new FormUrlEncodedContent(form) };
        Authorize(request);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InfluxWriteException(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        foreach (var result in document.RootElement.TryGetProperty("results", out var results) ? results.EnumerateArray() : default)
        {
            if (result.TryGetProperty("error", out var error))
            {
                // Read before the document goes: its elements are views into it.
                string message = error.GetString() ?? "statement failed";
                document.Dispose();
                throw new InfluxWriteException(HttpStatusCode.BadRequest, message);
            }
        }

        return document;
    }

    public Task CreateDatabaseAsync(CancellationToken cancellationToken) =>
        QueryAsync($"CREATE DATABASE \"{_options.Database.Replace("\"", "\\\"")}\"", cancellationToken);

    private HttpContent Body(IReadOnlyList<string> lines, int start, int count)
    {
        var buffer = new MemoryStream();
        Stream target = _options.Gzip ? new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true) : buffer;
        using (var writer = new StreamWriter(target, Utf8, bufferSize: 64 * 1024, leaveOpen: true))
        {
            for (int i = start; i < start + count; i++)
            {
                writer.Write(lines[i]);
                writer.Write('\n');
            }
        }

        if (_options.Gzip)
        {
            target.Dispose(); // writes the gzip trailer
        }

        var content = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        if (_options.Gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        return content;
    }

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
