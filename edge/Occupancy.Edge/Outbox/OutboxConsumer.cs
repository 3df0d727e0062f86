using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Occupancy.Edge.Outbox;

/// <summary>
/// A job that ships the outbox somewhere (InfluxDB, the server), and how far it got: the LSN of
/// the last record it finished with, plus whatever state it needs to resume exactly there.
/// Saved to <c>cursor-{name}.json</c> atomically; not flushed to disk on every commit, because
/// losing the latest commit in a power cut only repeats idempotent work.
/// </summary>
public sealed class OutboxConsumer
{
    private const string LsnProperty = "Lsn";

    private readonly string _path;
    private readonly ILogger _logger;
    private bool _saveFailing;

    private OutboxConsumer(string name, string path, long position, string? state, ILogger logger)
    {
        Name = name;
        _path = path;
        _logger = logger;
        Position = position;
        State = state;
    }

    public string Name { get; }

    /// <summary>The last LSN this consumer is done with; it reads on from the next one.</summary>
    public long Position { get; private set; }

    /// <summary>
    /// The consumer's own state (JSON) as saved with the position it started from; what it saves later is written
    /// straight to the file and not kept here (the InfluxDB writer's roll-up state is megabytes on a large site).
    /// </summary>
    public string? State { get; }

    /// <summary>
    /// Records that the consumer is done through <paramref name="lsn"/>, with the state <paramref name="writeState"/>
    /// writes (one JSON value) if it has one. When the file cannot be saved (full disk) the position still moves on
    /// in memory and false is returned: after a restart the consumer then repeats some work, which is idempotent.
    /// </summary>
    public bool Commit(long lsn, Action<Stream>? writeState)
    {
        Position = lsn;
        try
        {
            // The state is streamed into the file rather than built as a string and then escaped into one: a state
            // of megabytes would otherwise cost a few large-object-heap buffers on every commit (docs/benchmarks.md, "Soak").
            DurableFiles.WriteAtomically(_path, stream => WriteCursor(stream, lsn, writeState), flushToDisk: false);
            _saveFailing = false;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (!_saveFailing)
            {
                _logger.LogWarning(ex, "Cannot save the outbox cursor of {Consumer} at {Path}; it moves on in memory", Name, _path);
            }

            _saveFailing = true;
            return false;
        }
    }

    internal static OutboxConsumer Load(string directory, string name, ILogger logger)
    {
        string path = Path.Combine(directory, $"cursor-{name}.json");
        if (!File.Exists(path))
        {
            return new OutboxConsumer(name, path, 0, null, logger);
        }

        try
        {
            using var file = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = file.RootElement;
            long lsn = root.GetProperty(LsnProperty).GetInt64();

            // Cursors saved by earlier versions hold the state as a JSON string of the JSON; now it is the value itself.
            string? state = root.TryGetProperty(nameof(State), out var saved) ? saved.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => saved.GetString(),
                _ => saved.GetRawText(),
            } : null;
            return new OutboxConsumer(name, path, lsn, state, logger);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // Starting over repeats work (idempotently) rather than skipping any.
            logger.LogWarning(ex, "Unreadable outbox cursor {Path}; consumer {Consumer} starts from the oldest record kept", path, name);
            return new OutboxConsumer(name, path, 0, null, logger);
        }
    }

    /// <summary><c>{"Lsn":N,"State":…}</c>, the state written in place by its owner.</summary>
    private static void WriteCursor(Stream stream, long lsn, Action<Stream>? writeState)
    {
        stream.Write(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"{LsnProperty}\":{lsn},\"{nameof(State)}\":")));
        if (writeState is null)
        {
            stream.Write("null"u8);
        }
        else
        {
            writeState(stream);
        }

        stream.Write("}"u8);
    }
}
