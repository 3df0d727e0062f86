namespace Occupancy.Edge.Outbox;

/// <summary>
/// The outbox's files: sealed segments and the one being appended to. Used by the log's single
/// writer thread for writing; readers only take <see cref="Snapshot"/>s of the list.
/// </summary>
internal sealed partial class SegmentSet : IDisposable
{
    private readonly string _directory;
    private readonly long _segmentBytes;
    private readonly ILogger _logger;
    private readonly Lock _listGate = new();
    private readonly List<Segment> _segments = [];
    private FileStream? _active;
    private Segment? _activeSegment;
    private long _activeLength;
    private long _unsyncedLength;

    public SegmentSet(string directory, long segmentBytes, ILogger logger)
    {
        _directory = directory;
        _segmentBytes = segmentBytes;
        _logger = logger;
    }

    /// <summary>
    /// Finds the segments, checks the last one record by record and cuts off a torn tail left by a
    /// crash (a half-written record, zeros, a bad checksum). Returns the LSN the next record gets.
    /// </summary>
    public long Recover()
    {
        Directory.CreateDirectory(_directory);
        foreach (string path in Directory.EnumerateFiles(_directory))
        {
            if (Segment.TryParse(path, out var segment))
            {
                _segments.Add(segment);
            }
        }

        _segments.Sort((a, b) => a.FirstLsn.CompareTo(b.FirstLsn));
        if (_segments.Count == 0)
        {
            return 1;
        }

        var last = _segments[^1];
        var (count, validLength, fileLength, problem) = Scan(last);
        if (validLength < fileLength)
        {
            using var file = new FileStream(last.Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            file.SetLength(validLength);
            file.Flush(flushToDisk: true);
            LogTornTail(_logger, last.Path, fileLength - validLength, validLength, problem);
        }

        _activeSegment = last;
        _activeLength = validLength;
        return last.FirstLsn + count;
    }

    public Segment[] Snapshot()
    {
        lock (_listGate)
        {
            return [.. _segments];
        }
    }

    /// <summary>Writes a batch of framed records, starting a new segment first when this one is full.</summary>
    public void Write(ReadOnlySpan<byte> records, long firstLsn)
    {
        if (_activeSegment is not null && _activeLength > 0 && _activeLength + records.Length > _segmentBytes)
        {
            _active?.Dispose();
            _active = null;
            _activeSegment = null;
            _activeLength = 0;
        }

        EnsureOpen(firstLsn);
        _active!.Write(records);
        _unsyncedLength += records.Length;
    }

    /// <summary>fsync: once this returns, what <see cref="Write"/> wrote survives a crash.</summary>
    public void Sync()
    {
        _active!.Flush(flushToDisk: true);
        _activeLength += _unsyncedLength;
        _unsyncedLength = 0;
    }

    /// <summary>After a failed write or sync: closes the file, so the next attempt reopens it and cuts it back to what was synced.</summary>
    public void Abandon()
    {
        _unsyncedLength = 0;
        try
        {
            _active?.Dispose();
        }
        catch (IOException)
        {
            // Closing flushes nothing (no buffer); a failure here changes nothing for the retry.
        }

        _active = null;
    }

    /// <summary>Deletes sealed segments whose every record is at or below <paramref name="lsn"/>; never the active one.</summary>
    public int DeleteThrough(long lsn)
    {
        var doomed = new List<Segment>();
        lock (_listGate)
        {
            while (_segments.Count > 1 && _segments[1].FirstLsn - 1 <= lsn && _segments[0] != _activeSegment)
            {
                doomed.Add(_segments[0]);
                _segments.RemoveAt(0);
            }
        }

        foreach (var segment in doomed)
        {
            File.Delete(segment.Path);
        }

        return doomed.Count;
    }

    public void Dispose()
    {
        _active?.Dispose();
        _active = null;
    }

    private void EnsureOpen(long firstLsn)
    {
        if (_active is not null)
        {
            return;
        }

        if (_activeSegment is null)
        {
            var segment = new Segment(firstLsn, Path.Combine(_directory, Segment.FileNameOf(firstLsn)));
            _active = Open(segment.Path, FileMode.Create);
            DurableFiles.FlushDirectory(_directory);
            _activeSegment = segment;
            _activeLength = 0;
            lock (_listGate)
            {
                _segments.Add(segment);
            }

            return;
        }

        // Reopening after a failure: whatever the failed attempt left beyond the synced length goes.
        _active = Open(_activeSegment.Path, FileMode.OpenOrCreate);
        _active.SetLength(_activeLength);
        _active.Position = _activeLength;
    }

    private static FileStream Open(string path, FileMode mode) =>
        new(path, mode, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);

    private static (long Count, long ValidLength, long FileLength, string Problem) Scan(Segment segment)
    {
        using var reader = new SegmentScanner(segment.Path);
        long expected = segment.FirstLsn;
        long validLength = 0;
        string problem = "";
        while (true)
        {
            var status = reader.Next(out var entry, out string error);
            if (status == ReadStatus.Complete && entry.Lsn != expected)
            {
                status = ReadStatus.Corrupt;
                error = $"record {entry.Lsn} where {expected} was expected";
            }

            if (status != ReadStatus.Complete)
            {
                problem = status == ReadStatus.NeedMore ? "a record cut short" : error;
                break;
            }

            expected++;
            validLength = reader.RecordStart;
        }

        return (expected - segment.FirstLsn, validLength, reader.FileLength, problem);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox segment {Path} ended in {Bytes} bytes that are not a complete record ({Problem}), as after a crash mid-write; cut back to {Length} bytes. Those records were never acknowledged.")]
    private static partial void LogTornTail(ILogger logger, string path, long bytes, long length, string problem);
}
