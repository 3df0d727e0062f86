using Microsoft.Extensions.Logging.Abstractions;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Options;
using Occupancy.Edge.Outbox;
using static Microsoft.Extensions.Options.Options;

namespace Occupancy.Edge.Tests;

/// <summary>A real outbox on disk with the engine recovered from it, as the edge builds them, for one test.</summary>
internal sealed class TestOutbox : IDisposable
{
    public TestOutbox(string dataDirectory, OutboxOptions? options = null, TimeProvider? time = null)
    {
        DataDirectory = dataDirectory;
        Options = options ?? new OutboxOptions();
        var edgeOptions = Create(new EdgeOptions { SiteId = TestSite.SiteId, DataDirectory = dataDirectory });
        Log = new OutboxLog(Create(Options), edgeOptions, time ?? TimeProvider.System, NullLogger<OutboxLog>.Instance);
        Checkpoint = new EngineCheckpoint(Create(Options), edgeOptions, NullLogger<EngineCheckpoint>.Instance);
        Recorder = new EventRecorder(Engine, Log, Checkpoint, NullLogger<EventRecorder>.Instance);
    }

    public string DataDirectory { get; }

    public OutboxOptions Options { get; }

    public OccupancyEngine Engine { get; } = new();

    public OutboxLog Log { get; }

    public EngineCheckpoint Checkpoint { get; }

    public EventRecorder Recorder { get; }

    /// <summary>Closes this outbox and opens the same folder again, as a restart would.</summary>
    public TestOutbox Reopen()
    {
        Dispose();
        return new TestOutbox(DataDirectory, Options);
    }

    public List<OutboxEntry> ReadAll(long afterLsn = 0)
    {
        using var reader = Log.OpenReader(afterLsn);
        var entries = new List<OutboxEntry>();
        while (reader.Read(entries, 1000) > 0)
        {
        }

        return entries;
    }

    public void Dispose() => Log.Dispose();
}
