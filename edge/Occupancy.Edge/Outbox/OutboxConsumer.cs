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

    /// <summary>The consumer's own saved state (JSON) at <see cref="Position"/>.</summary>
    public string? State { get; private set; }

    /// <summary>
    /// Records that the consumer is done through <paramref name="lsn"/>. When the file cannot be
    /// saved (full disk) the position still moves on in memory and false is returned: after a
    /// restart the consumer then repeats some work, which is idempotent.
    /// </summary>
    public bool Commit(long lsn, string? state)
    {
        Position = lsn;
        State = state;
        try
        {
            var file = new CursorFile { Lsn = lsn, State = state };
            DurableFiles.WriteAtomically(_path, JsonSerializer.SerializeToUtf8Bytes(file), flushToDisk: false);
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
            var file = JsonSerializer.Deserialize<CursorFile>(File.ReadAllBytes(path)) ?? new CursorFile();
            return new OutboxConsumer(name, path, file.Lsn, file.State, logger);
        }
        catch (JsonException ex)
        {
            // Starting over repeats work (idempotently) rather than skipping any.
            logger.LogWarning(ex, "Unreadable outbox cursor {Path}; consumer {Consumer} starts from the oldest record kept", path, name);
            return new OutboxConsumer(name, path, 0, null, logger);
        }
    }

    private sealed class CursorFile
    {
        public long Lsn { get; set; }

        public string? State { get; set; }
    }
}
