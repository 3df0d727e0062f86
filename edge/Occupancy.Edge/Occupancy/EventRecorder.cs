using System.Diagnostics;
using Occupancy.Edge.Operations;
using Occupancy.Edge.Outbox;
using Occupancy.Firmware.Contract;
using Occupancy.Uplink;

namespace Occupancy.Edge.Occupancy;

/// <summary>
/// Applies accepted messages to the occupancy engine and appends the resulting events to the
/// outbox in one step, so the outbox holds the changes in exactly the order the engine made them.
/// On construction it rebuilds the engine from the last checkpoint and the records after it.
/// </summary>
public sealed partial class EventRecorder
{
    private readonly Lock _gate = new();
    private readonly OccupancyEngine _engine;
    private readonly OutboxLog _outbox;
    private readonly EdgeMetrics? _metrics;
    private long _duplicates;

    public EventRecorder(OccupancyEngine engine, OutboxLog outbox, EngineCheckpoint checkpoint, ILogger<EventRecorder> logger, EdgeMetrics? metrics = null)
    {
        _engine = engine;
        _outbox = outbox;
        _metrics = metrics;
        Recover(checkpoint, logger);
    }

    /// <summary>Messages recognised as repeats or late reorders (by sequence number) since start.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    public Recorded RecordDeskReport(DeskConfig desk, DeskStateMessage message)
    {
        lock (_gate)
        {
            if (!_outbox.HasRoom)
            {
                return Recorded.NoRoom;
            }

            var change = _engine.ApplyReport(desk, message, out bool duplicate);
            if (duplicate)
            {
                Interlocked.Increment(ref _duplicates);
                _metrics?.DuplicateRecognised();
            }

            return change is null ? new Recorded(true, _engine.LsnOf(desk.DeskId), duplicate) : new Recorded(true, AppendChange(change));
        }
    }

    public Recorded RecordDeskOffline(DeskConfig desk, long timestampMs)
    {
        lock (_gate)
        {
            if (!_outbox.HasRoom)
            {
                return Recorded.NoRoom;
            }

            var change = _engine.MarkUnknown(desk, timestampMs);
            return new Recorded(true, change is null ? _engine.LsnOf(desk.DeskId) : AppendChange(change));
        }
    }

    /// <summary>Records a desk sensor's heartbeat; if its desk was unknown, the heartbeat brings back the state it last reported.</summary>
    public Recorded RecordDeskHealth(DeskConfig desk, DeviceHealthEvent health)
    {
        lock (_gate)
        {
            if (!_outbox.HasRoom)
            {
                return Recorded.NoRoom;
            }

            if (_engine.Revive(desk, health.Seq, health.TimestampMs) is { } revived)
            {
                AppendChange(revived);
            }

            return new Recorded(true, _outbox.Append(health));
        }
    }

    public Recorded RecordDoorContact(DoorConfig door, DoorContactMessage message)
    {
        lock (_gate)
        {
            // Every contact is recorded; a repeat carries the reader's own timestamp and so lands on the same InfluxDB point.
            return _outbox.HasRoom
                ? new Recorded(true, _outbox.Append(new DoorContactEvent(door.DoorId, message.IsOpen, message.Header.TimestampMs, message.Header.Seq)))
                : Recorded.NoRoom;
        }
    }

    /// <summary>
    /// Records an event that does not touch desk state (health, alarms, door outcomes): it only needs
    /// room in the outbox. <paramref name="followedBy"/> goes in with it, right after, or neither does.
    /// </summary>
    public Recorded RecordEvent(EdgeEvent e, EdgeEvent? followedBy = null)
    {
        lock (_gate)
        {
            if (!_outbox.HasRoom)
            {
                return Recorded.NoRoom;
            }

            long lsn = _outbox.Append(e);
            return new Recorded(true, followedBy is null ? lsn : _outbox.Append(followedBy));
        }
    }

    /// <summary>Every desk's state, and the LSN of the last record it reflects: later records are news to whoever got this.</summary>
    public (DeskStatus[] Desks, long Lsn) Snapshot()
    {
        lock (_gate)
        {
            return (_engine.Snapshot(), _outbox.LastAppendedLsn);
        }
    }

    private long AppendChange(DeskChange change)
    {
        long lsn = _outbox.Append(change);
        _engine.SetLsn(change.DeskId, lsn);
        return lsn;
    }

    private void Recover(EngineCheckpoint checkpoint, ILogger logger)
    {
        long started = Stopwatch.GetTimestamp();
        var (lsn, desks) = checkpoint.Load();
        _engine.Restore(desks);
        _outbox.CheckpointedThrough(lsn);
        int replayed = 0;
        using var reader = _outbox.OpenReader(lsn);
        var entries = new List<OutboxEntry>(1024);
        while (reader.Read(entries, 1024) > 0)
        {
            foreach (var entry in entries)
            {
                if (entry.Event is DeskChange change)
                {
                    _engine.Replay(change, entry.Lsn);
                }
            }

            replayed += entries.Count;
            entries.Clear();
        }

        LogRecovered(logger, desks.Length, lsn, replayed, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Desk state recovered: {Desks} desks from the checkpoint at record {Lsn}, then {Replayed} records replayed, in {Ms:F0} ms")]
    private static partial void LogRecovered(ILogger logger, int desks, long lsn, int replayed, double ms);
}
