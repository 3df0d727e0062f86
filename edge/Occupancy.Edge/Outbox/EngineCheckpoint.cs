using System.Text.Json;
using Microsoft.Extensions.Options;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Options;

namespace Occupancy.Edge.Outbox;

/// <summary>
/// The occupancy engine's state (every desk's state and last sequence number) as of an outbox
/// LSN, in <c>engine-checkpoint.json</c>. A restart loads it and replays the records after that
/// LSN, so recovery time stays bounded while the outbox can still delete old segments.
/// </summary>
public sealed class EngineCheckpoint(IOptions<OutboxOptions> options, IOptions<EdgeOptions> edgeOptions, ILogger<EngineCheckpoint> logger)
{
    private readonly string _path = Path.Combine(options.Value.ResolveDirectory(edgeOptions.Value.DataDirectory), "engine-checkpoint.json");

    public (long Lsn, DeskStatus[] Desks) Load()
    {
        if (!File.Exists(_path))
        {
            return (0, []);
        }

        try
        {
            var file = JsonSerializer.Deserialize<CheckpointFile>(File.ReadAllBytes(_path));
            return file is null ? (0, []) : (file.Lsn, file.Desks);
        }
        catch (JsonException ex)
        {
            // Written atomically, so this is damage from outside; replaying everything kept is the best left.
            logger.LogError(ex, "Unreadable engine checkpoint {Path}; rebuilding desk state from the outbox alone", _path);
            return (0, []);
        }
    }

    /// <summary>
    /// Saves durably (file and directory flushed): segments are deleted on the strength of it. Streamed to the file,
    /// not built in memory first: with 10,000 desks it is about a megabyte.
    /// </summary>
    public void Save(long lsn, DeskStatus[] desks) =>
        DurableFiles.WriteAtomically(_path, stream => JsonSerializer.Serialize(stream, new CheckpointFile { Lsn = lsn, Desks = desks }), flushToDisk: true);

    private sealed class CheckpointFile
    {
        public long Lsn { get; set; }

        public DeskStatus[] Desks { get; set; } = [];
    }
}
