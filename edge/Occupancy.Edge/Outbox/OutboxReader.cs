namespace Occupancy.Edge.Outbox;

/// <summary>
/// Reads the outbox in order for one consumer, from a given LSN on, only as far as records are on
/// disk. Not thread-safe: one reader per job.
/// </summary>
public sealed partial class OutboxReader : IDisposable
{
    private readonly OutboxLog _log;
    private readonly ILogger _logger;
    private SegmentScanner? _scanner;
    private Segment? _segment;
    private long _next;

    internal OutboxReader(OutboxLog log, long afterLsn, ILogger logger)
    {
        _log = log;
        _logger = logger;
        _next = afterLsn + 1;
    }

    /// <summary>The LSN of the last record returned (or the one the reader started after).</summary>
    public long Position => _next - 1;

    /// <summary>Whether durable records are waiting beyond <see cref="Position"/>.</summary>
    public bool HasMore => _next <= _log.DurableLsn;

    /// <summary>Adds up to <paramref name="max"/> durable records to <paramref name="into"/> without waiting; returns how many.</summary>
    public int Read(List<OutboxEntry> into, int max)
    {
        int read = 0;
        long durable = _log.DurableLsn;
        while (read < max && _next <= durable)
        {
            if (_scanner is null && !OpenSegmentFor(_next))
            {
                break;
            }

            var status = _scanner!.Next(out var entry, out string error);
            if (status == ReadStatus.Complete)
            {
                if (entry.Lsn < _next)
                {
                    continue; // still skipping to the starting point within the segment
                }

                if (entry.Lsn > _next)
                {
                    LogGap(_logger, _next, entry.Lsn - 1, _segment!.Path);
                    _next = entry.Lsn;
                }

                into.Add(entry);
                _next++;
                read++;
                continue;
            }

            // The record is durable but not here: this segment is done (or damaged) and it is in the next one.
            var following = FollowingSegment();
            if (status == ReadStatus.Corrupt)
            {
                LogCorrupt(_logger, _segment!.Path, _scanner.RecordStart, error, _next, following is null ? durable : following.FirstLsn - 1);
            }

            if (following is null)
            {
                break;
            }

            _next = Math.Max(_next, following.FirstLsn);
            Switch(following);
        }

        return read;
    }

    /// <summary>Completes once a record beyond <see cref="Position"/> is on disk.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _log.WhenDurableBeyondAsync(_next - 1, cancellationToken);

    public void Dispose() => _scanner?.Dispose();

    private bool OpenSegmentFor(long lsn)
    {
        var segments = _log.Segments();
        if (segments.Length == 0)
        {
            return false;
        }

        var segment = segments.LastOrDefault(s => s.FirstLsn <= lsn);
        if (segment is null)
        {
            // Deleted before this reader got there: only if its cursor was lost or reset.
            LogGap(_logger, lsn, segments[0].FirstLsn - 1, "deleted segments");
            segment = segments[0];
            _next = segment.FirstLsn;
        }

        Switch(segment);
        return true;
    }

    private Segment? FollowingSegment() => _log.Segments().FirstOrDefault(s => s.FirstLsn > _segment!.FirstLsn);

    private void Switch(Segment segment)
    {
        _scanner?.Dispose();
        _scanner = new SegmentScanner(segment.Path);
        _segment = segment;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox records {From} to {To} are missing ({Where}); continuing after them")]
    private static partial void LogGap(ILogger logger, long from, long to, string where);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox segment {Path} is damaged at byte {Offset} ({Error}); records {From} to {To} are lost, continuing after them")]
    private static partial void LogCorrupt(ILogger logger, string path, long offset, string error, long from, long to);
}
