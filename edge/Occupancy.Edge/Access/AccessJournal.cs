using System.Text;
using System.Text.Json;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Outbox;
using Occupancy.Firmware.Contract;

namespace Occupancy.Edge.Access;

/// <summary>
/// A small durable log of door decisions beside the outbox, with a writer and an fsync of its own:
/// the edge's memory of recent taps across restarts, which the outbox (trimmed once shipped) is not.
/// On start it gives the answered requests (by nonce) and the phone codes each door accepted back
/// to <see cref="AnsweredRequests"/> and <see cref="PhoneCodeReplayGuard"/>, and appends again to
/// the outbox any decision a crash kept from reaching it. Only the last
/// <see cref="KeepFor"/> of taps is kept: older answers have expired and older codes can never match.
/// </summary>
public sealed partial class AccessJournal : IHostedService, IDisposable
{
    public const string FileName = "access-journal.log";

    /// <summary>How long taps are remembered; a phone code is valid for about 90 s, an answer for 5 s.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);

    private const long CompactBeyondBytes = 1 << 20;

    private readonly OutboxLog _outbox;
    private readonly TimeProvider _time;
    private readonly ILogger<AccessJournal> _logger;
    private readonly Thread _writer;
    private readonly object _gate = new();

    private FileStream _file;
    private MemoryStream _pending = new();
    private TaskCompletionSource<bool> _pendingDone = NewBatch();
    private bool _closing;

    public AccessJournal(OutboxLog outbox, AnsweredRequests answered, PhoneCodeReplayGuard codes, TimeProvider time, ILogger<AccessJournal> logger)
    {
        _outbox = outbox;
        _time = time;
        _logger = logger;
        FilePath = System.IO.Path.Combine(outbox.Directory, FileName);

        var entries = Read(FilePath);
        int resent = Recover(entries);
        foreach (var entry in entries)
        {
            Restore(entry, answered, codes);
        }

        Compact(entries);
        _file = OpenForAppend(FilePath);
        LogOpened(logger, FilePath, entries.Count, resent);

        codes.Used += (door, credential, step) => Append(new AccessJournalEntry(Now(), door, CodeCredential: credential, CodeStep: step));
        _writer = new Thread(RunWriter) { Name = "access-journal-writer", IsBackground = true };
        _writer.Start();
    }

    public string FilePath { get; }

    /// <summary>Adds an entry; the task completes with true once it is on disk, false when the write failed.</summary>
    public Task<bool> Append(AccessJournalEntry entry)
    {
        byte[] line = Encode(entry);
        lock (_gate)
        {
            if (_closing)
            {
                return Task.FromResult(false);
            }

            if (_pending.Length == 0)
            {
                Monitor.Pulse(_gate);
            }

            _pending.Write(line);
            return _pendingDone.Task;
        }
    }

    /// <summary>The journal entry of a decision just appended to the outbox (record <paramref name="outboxLsn"/>).</summary>
    public Task<bool> AppendDecision(string doorId, AccessRequestMessage request, DoorAnswer answer, long outboxLsn) => Append(new AccessJournalEntry(
        Now(),
        doorId,
        request.Nonce,
        request.Header.Seq,
        outboxLsn,
        answer.Decision.Granted,
        answer.Decision.Reason,
        answer.Decision.Member ?? "",
        answer.Decision.PassId,
        request.Header.TimestampMs,
        answer.RaiseRepeatedDenialAlarm,
        answer.Command.Encode(),
        answer.CommandTopic));

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask; // opened and recovered when built

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        lock (_gate)
        {
            if (_closing)
            {
                return;
            }

            _closing = true;
            Monitor.PulseAll(_gate);
        }

        _writer.Join(TimeSpan.FromSeconds(10));
        _file.Dispose();
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Appends to the outbox the decisions a crash kept from it; returns how many.</summary>
    private int Recover(List<AccessJournalEntry> entries)
    {
        int resent = 0;
        for (int i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (!e.IsDecision || e.OutboxLsn <= _outbox.RecoveredLsn)
            {
                continue;
            }

            long lsn = _outbox.Append(new AccessDecisionEvent(e.DoorId, e.Granted, e.Reason, e.Member, e.Nonce!, e.RequestTimestampMs, e.Seq));
            if (e.Alarm)
            {
                lsn = _outbox.Append(new DoorAlarmEvent(e.DoorId, RepeatedDenialWatch.Alarm, true, 0, e.RequestTimestampMs, e.Seq));
            }

            entries[i] = e with { OutboxLsn = lsn };
            resent++;
        }

        return resent;
    }

    private static void Restore(AccessJournalEntry entry, AnsweredRequests answered, PhoneCodeReplayGuard codes)
    {
        if (entry.CodeCredential is { } credential)
        {
            codes.Restore(entry.DoorId, credential, entry.CodeStep);
        }
        else if (entry.IsDecision && UnlockCommand.TryDecode(entry.Command, out var command, out _))
        {
            var decision = new AccessDecision(entry.Granted, entry.Reason, entry.Member.Length > 0 ? entry.Member : null, entry.PassId);
            answered.Remember(entry.DoorId, entry.Nonce!, entry.Seq, new DoorAnswer(decision, command, entry.CommandTopic, entry.Alarm), entry.OutboxLsn);
        }
    }

    /// <summary>Rewrites the file with what is still worth remembering, and what the outbox may not have yet.</summary>
    private void Compact(List<AccessJournalEntry> entries)
    {
        long oldest = Now() - (long)KeepFor.TotalMilliseconds;
        long durable = _outbox.DurableLsn;
        var kept = new MemoryStream();
        foreach (var e in entries)
        {
            if (e.AtMs >= oldest || (e.IsDecision && e.OutboxLsn > durable))
            {
                kept.Write(Encode(e));
            }
        }

        DurableFiles.WriteAtomically(FilePath, kept.ToArray(), flushToDisk: true);
    }

    private void RunWriter()
    {
        while (true)
        {
            MemoryStream batch;
            TaskCompletionSource<bool> done;
            lock (_gate)
            {
                while (_pending.Length == 0 && !_closing)
                {
                    Monitor.Wait(_gate);
                }

                if (_pending.Length == 0)
                {
                    return;
                }

                batch = _pending;
                done = _pendingDone;
                _pending = new MemoryStream();
                _pendingDone = NewBatch();
            }

            long goodLength = _file.Length;
            try
            {
                _file.Write(batch.GetBuffer(), 0, (int)batch.Length);
                _file.Flush(flushToDisk: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The answers then wait for the outbox instead (the device handler falls back to it).
                LogWriteFailed(_logger, ex, FilePath);
                TryTruncate(goodLength);
                done.TrySetResult(false);
                continue;
            }

            done.TrySetResult(true);
            if (_file.Length > CompactBeyondBytes)
            {
                CompactWhileRunning();
            }
        }
    }

    private void CompactWhileRunning()
    {
        try
        {
            _file.Dispose();
            Compact(Read(FilePath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(_logger, ex, FilePath);
        }

        _file = OpenForAppend(FilePath);
    }

    private void TryTruncate(long length)
    {
        try
        {
            _file.SetLength(length);
            _file.Seek(length, SeekOrigin.Begin);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left as it is: a torn line is skipped when the journal is read.
        }
    }

    private static FileStream OpenForAppend(string path) =>
        new(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);

    /// <summary>Each line is the CRC-32C of its JSON, then the JSON: a torn or damaged line is skipped.</summary>
    private static byte[] Encode(AccessJournalEntry entry)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(entry);
        byte[] line = new byte[9 + json.Length + 1];
        Encoding.ASCII.GetBytes(Crc32C.Compute(json).ToString("x8"), line);
        line[8] = (byte)' ';
        json.CopyTo(line, 9);
        line[^1] = (byte)'\n';
        return line;
    }

    private static List<AccessJournalEntry> Read(string path)
    {
        var entries = new List<AccessJournalEntry>();
        if (!File.Exists(path))
        {
            return entries;
        }

        foreach (string line in File.ReadLines(path))
        {
            if (line.Length < 10 || line[8] != ' ' || !uint.TryParse(line.AsSpan(0, 8), System.Globalization.NumberStyles.HexNumber, null, out uint crc))
            {
                continue;
            }

            byte[] json = Encoding.UTF8.GetBytes(line[9..]);
            if (Crc32C.Compute(json) != crc)
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize<AccessJournalEntry>(json) is { } entry)
                {
                    entries.Add(entry);
                }
            }
            catch (JsonException)
            {
                // Written by a different version, or damaged despite its CRC: forgotten.
            }
        }

        return entries;
    }

    private static TaskCompletionSource<bool> NewBatch() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Information, Message = "Access journal {Path}: {Entries} recent entries remembered, {Resent} decisions appended to the outbox again")]
    private static partial void LogOpened(ILogger logger, string path, int entries, int resent);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the access journal {Path}; door answers wait for the outbox meanwhile")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string path);
}
