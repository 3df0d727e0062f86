using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Operations;
using Occupancy.Edge.Options;

namespace Occupancy.Edge.Outbox;

/// <summary>
/// The durable log of accepted events. Appending is cheap and in memory; one writer thread writes
/// whatever has accumulated and fsyncs once per batch (group commit), then releases everyone
/// waiting on that batch, so an fsync of a few milliseconds is shared by all messages that arrived
/// meanwhile instead of being paid by each. A failed write (full disk, I/O error) answers the
/// waiters with false and keeps the records in memory to try again; nothing is acknowledged
/// before it is on disk, and nothing acknowledged is dropped.
/// </summary>
public sealed partial class OutboxLog : IDisposable
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(50);

    private readonly OutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxLog> _logger;
    private readonly EdgeMetrics? _metrics;
    private readonly SegmentSet _segments;
    private readonly AppendTimeIndex _appendTimes = new();
    private readonly Dictionary<string, OutboxConsumer> _consumers;
    private readonly Thread _writer;
    private readonly object _gate = new();

    private OutboxBatch _pending = new();
    private OutboxBatch? _inflight;
    private OutboxBatch? _spare;
    private long _nextLsn;
    private long _durableLsn;
    private long _checkpointLsn;
    private bool _closing;
    private bool _hasRoom = true;
    private string? _lastError;
    private DateTimeOffset? _failingSince;
    private int _failedAttempts;
    private TaskCompletionSource _durableAdvanced = NewSignal();

    public OutboxLog(IOptions<OutboxOptions> options, IOptions<EdgeOptions> edgeOptions, TimeProvider time, ILogger<OutboxLog> logger, EdgeMetrics? metrics = null)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        Directory = _options.ResolveDirectory(edgeOptions.Value.DataDirectory);
        _segments = new SegmentSet(Directory, _options.SegmentBytes, logger);
        _nextLsn = _segments.Recover();
        _durableLsn = _nextLsn - 1;
        RecoveredLsn = _durableLsn;
        _appendTimes.Mark(_nextLsn, time.GetUtcNow().ToUnixTimeMilliseconds());
        _consumers = OutboxConsumers.All.ToDictionary(name => name, name => OutboxConsumer.Load(Directory, name, logger));
        LogOpened(logger, Directory, _durableLsn, _segments.Snapshot().Length);
        metrics?.ObserveOutbox(
            () => _consumers.Values.Select(c => new Measurement<long>(Math.Max(0, DurableLsn - c.Position), new KeyValuePair<string, object?>("consumer", c.Name))),
            () => _consumers.Values.Select(c => new Measurement<double>(AgeSeconds(c), new KeyValuePair<string, object?>("consumer", c.Name))));
        UpdateRoomLocked();
        _writer = new Thread(RunWriter) { Name = "outbox-writer", IsBackground = true };
        _writer.Start();
    }

    public string Directory { get; }

    /// <summary>The last record found on disk when the log was opened: anything numbered later before a crash was lost.</summary>
    public long RecoveredLsn { get; }

    /// <summary>Every record up to here is on disk.</summary>
    public long DurableLsn => Volatile.Read(ref _durableLsn);

    public long LastAppendedLsn
    {
        get
        {
            lock (_gate)
            {
                return _nextLsn - 1;
            }
        }
    }

    /// <summary>
    /// False while too much waits for a failing disk: refuse new messages rather than grow without bound. Read without
    /// the lock (every message asks, and the writer thread holds the lock at every commit): the flag is kept up to
    /// date under it wherever the pending bytes or the closing state change.
    /// </summary>
    public bool HasRoom => Volatile.Read(ref _hasRoom);

    /// <summary>True while the last write of a batch failed (the disk is full or failing) and none has succeeded since.</summary>
    public bool IsFailing
    {
        get
        {
            lock (_gate)
            {
                return _failingSince is not null;
            }
        }
    }

    public OutboxConsumer Consumer(string name) => _consumers[name];

    public IReadOnlyCollection<OutboxConsumer> Consumers => _consumers.Values;

    /// <summary>Adds a record (in memory, for the next batch) and returns its LSN; wait for it with <see cref="WaitDurableAsync"/>.</summary>
    public long Append(EdgeEvent e)
    {
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closing, this);
            long lsn = _nextLsn;
            bool wasEmpty = _pending.IsEmpty;
            RecordCodec.Write(_pending.Bytes, lsn, now, e);
            _nextLsn++;
            if (wasEmpty)
            {
                _pending.FirstLsn = lsn;
                Monitor.Pulse(_gate);
            }

            _pending.LastLsn = lsn;
            _appendTimes.Mark(lsn, now);
            UpdateRoomLocked();
            return lsn;
        }
    }

    /// <summary>
    /// Completes with true once record <paramref name="lsn"/> is on disk, with false when the write
    /// of its batch failed (it is kept and tried again; the device should retry) or on cancellation.
    /// </summary>
    public Task<bool> WaitDurableAsync(long lsn, CancellationToken cancellationToken = default)
    {
        if (lsn <= Volatile.Read(ref _durableLsn))
        {
            return TrueTask;
        }

        Task<bool> commit;
        lock (_gate)
        {
            if (lsn <= _durableLsn)
            {
                return TrueTask;
            }

            commit = _inflight is { } inflight && lsn >= inflight.FirstLsn && lsn <= inflight.LastLsn
                ? inflight.Done.Task
                : _pending.Done.Task;
        }

        return cancellationToken.CanBeCanceled ? WaitCancellableAsync(commit, cancellationToken) : commit;
    }

    /// <summary>Completes once a record after <paramref name="lsn"/> is on disk.</summary>
    public Task WhenDurableBeyondAsync(long lsn, CancellationToken cancellationToken)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (_durableLsn > lsn)
            {
                return Task.CompletedTask;
            }

            signal = _durableAdvanced;
        }

        return signal.Task.WaitAsync(cancellationToken);
    }

    public OutboxReader OpenReader(long afterLsn) => new(this, afterLsn, _logger);

    internal Segment[] Segments() => _segments.Snapshot();

    /// <summary>Roughly when record <paramref name="lsn"/> was appended (epoch ms), for the outbox-age metric.</summary>
    public long? AppendedMsOf(long lsn) => _appendTimes.AppendedMsOf(lsn);

    public OutboxStatus Status()
    {
        lock (_gate)
        {
            return new OutboxStatus(_failingSince is not null, _lastError, _failingSince, _nextLsn - 1, _durableLsn, PendingBytesLocked(), _segments.Snapshot().Length);
        }
    }

    /// <summary>The engine checkpoint covers records up to <paramref name="lsn"/>: recovery no longer needs them.</summary>
    public void CheckpointedThrough(long lsn) => Interlocked.Exchange(ref _checkpointLsn, lsn);

    /// <summary>Deletes the segments every consumer and the engine checkpoint are past; returns how many.</summary>
    public int DeleteConsumedSegments()
    {
        long through = Math.Min(Interlocked.Read(ref _checkpointLsn), _consumers.Values.Min(c => c.Position));
        int deleted = _segments.DeleteThrough(through);
        _appendTimes.ForgetBefore(through + 1);
        if (deleted > 0)
        {
            LogDeleted(_logger, deleted, through);
        }

        return deleted;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_closing)
            {
                return;
            }

            _closing = true;
            UpdateRoomLocked();
            Monitor.PulseAll(_gate);
        }

        // The writer finishes the batch at hand (and whatever is still pending) before it exits.
        if (!_writer.Join(TimeSpan.FromSeconds(30)))
        {
            LogWriterStuck(_logger);
        }

        _segments.Dispose();
        _pending.Done.TrySetResult(false);
    }

    private double AgeSeconds(OutboxConsumer consumer)
    {
        if (consumer.Position >= DurableLsn)
        {
            return 0;
        }

        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return Math.Max(0, now - (AppendedMsOf(consumer.Position + 1) ?? now)) / 1000.0;
    }

    private long PendingBytesLocked() => _pending.Bytes.WrittenCount + (_inflight?.Bytes.WrittenCount ?? 0);

    /// <summary>Called under the lock after anything that changes the pending bytes or closes the log.</summary>
    private void UpdateRoomLocked() => Volatile.Write(ref _hasRoom, !_closing && PendingBytesLocked() < _options.MaxPendingBytes);

    private void RunWriter()
    {
        var retryDelay = FirstRetryDelay;
        while (true)
        {
            OutboxBatch batch;
            lock (_gate)
            {
                while (_pending.IsEmpty && !_closing)
                {
                    Monitor.Wait(_gate);
                }

                if (_pending.IsEmpty)
                {
                    return;
                }

                batch = _pending;
                _pending = _spare ?? new OutboxBatch();
                _spare = null;
                _inflight = batch;
            }

            long started = Stopwatch.GetTimestamp();
            try
            {
                _segments.Write(batch.Bytes.WrittenSpan, batch.FirstLsn);
                _segments.Sync();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _segments.Abandon();
                OnWriteFailed(batch, ex);
                if (!WaitBeforeRetry(retryDelay))
                {
                    return;
                }

                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, _options.MaxRetryDelay.Ticks));
                continue;
            }

            retryDelay = FirstRetryDelay;
            OnCommitted(batch, Stopwatch.GetElapsedTime(started));
        }
    }

    private void OnCommitted(OutboxBatch batch, TimeSpan elapsed)
    {
        TaskCompletionSource advanced;
        int failedAttempts;
        lock (_gate)
        {
            Volatile.Write(ref _durableLsn, batch.LastLsn);
            _inflight = null;
            UpdateRoomLocked();
            advanced = _durableAdvanced;
            _durableAdvanced = NewSignal();
            failedAttempts = _failedAttempts;
            _failedAttempts = 0;
            _failingSince = null;
            _lastError = null;
        }

        batch.Done.TrySetResult(true);
        advanced.TrySetResult();
        _metrics?.RecordOutboxCommit(elapsed, batch.LastLsn - batch.FirstLsn + 1);
        if (failedAttempts > 0)
        {
            LogRecovered(_logger, failedAttempts);
        }

        batch.Reset();
        lock (_gate)
        {
            _spare ??= batch;
        }
    }

    private void OnWriteFailed(OutboxBatch batch, Exception ex)
    {
        int attempt;
        lock (_gate)
        {
            // The failed records go back in front of what arrived meanwhile, to be written first next time;
            // their LSNs stay the same, so a device that retries finds its record still pending.
            var merged = new OutboxBatch { FirstLsn = batch.FirstLsn, LastLsn = _pending.IsEmpty ? batch.LastLsn : _pending.LastLsn, Done = _pending.Done };
            merged.Bytes.Write(batch.Bytes.WrittenSpan);
            merged.Bytes.Write(_pending.Bytes.WrittenSpan);
            _pending = merged;
            _inflight = null;
            UpdateRoomLocked();
            _failingSince ??= _time.GetUtcNow();
            _lastError = ex.Message;
            attempt = ++_failedAttempts;
        }

        batch.Done.TrySetResult(false);
        _metrics?.RecordOutboxWriteFailure();
        if (attempt == 1)
        {
            LogWriteFailed(_logger, ex, Directory, ex.Message);
        }
    }

    private bool WaitBeforeRetry(TimeSpan delay)
    {
        lock (_gate)
        {
            if (!_closing)
            {
                Monitor.Wait(_gate, delay);
            }

            return !_closing;
        }
    }

    private static async Task<bool> WaitCancellableAsync(Task<bool> commit, CancellationToken cancellationToken)
    {
        try
        {
            return await commit.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static readonly Task<bool> TrueTask = Task.FromResult(true);
}
