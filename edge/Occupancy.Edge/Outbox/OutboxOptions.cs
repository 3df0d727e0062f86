using System.ComponentModel.DataAnnotations;

namespace Occupancy.Edge.Outbox;

/// <summary>The on-disk log every accepted event is written to before the device is acknowledged.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Where the segments, cursors and the engine checkpoint live; empty means <c>{Edge:DataDirectory}/outbox</c>.</summary>
    public string Directory { get; set; } = "";

    /// <summary>A segment is closed and a new one started once it is this large; whole segments are deleted once consumed.</summary>
    [Range(4096, 1L << 30)]
    public long SegmentBytes { get; set; } = 16L << 20;

    /// <summary>
    /// Records waiting for the disk (normally a few milliseconds' worth) may take this much memory;
    /// past it, for instance while the disk keeps failing, new messages are refused until it recovers.
    /// </summary>
    [Range(64 * 1024, 1L << 31)]
    public long MaxPendingBytes { get; set; } = 16L << 20;

    /// <summary>How often the occupancy engine's state is saved, so a restart replays only the records since.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts to write after the disk refused a write.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public string ResolveDirectory(string dataDirectory) =>
        Directory.Length > 0 ? Directory : Path.Combine(dataDirectory, "outbox");
}
