namespace Occupancy.Server.Live;

/// <summary>
/// Pushes to one dashboard group at most once per interval, latest value per key winning. A change after a
/// quiet interval goes out at once; changes during
/// the interval wait for its end and go out together, each key with its newest value. A busy site therefore
/// costs a browser a few messages a second, however many desks change, and a flipping desk never shows an
/// intermediate state late.
/// </summary>
/// <typeparam name="TValue">What one key's latest change is (a desk's state, a space's counts).</typeparam>
public sealed class CoalescedPush<TValue> : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Dictionary<string, TValue> _pending = new(StringComparer.Ordinal);
    private readonly Func<TValue[], Task> _send;
    private readonly Action<Exception> _onError;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _interval;
    private readonly ITimer _timer;
    private bool _flushDue;
    private long _lastSentTicks = long.MinValue;

    public CoalescedPush(TimeSpan interval, TimeProvider clock, Func<TValue[], Task> send, Action<Exception> onError)
    {
        (_interval, _clock, _send, _onError) = (interval, clock, send, onError);
        _timer = clock.CreateTimer(_ => _ = FlushFromTimerAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Adds changes; sends them now when the group has had nothing for an interval, otherwise at its end. The task
    /// ends when an immediate send has been written; one send per group runs at a time, so sends keep their order.
    /// </summary>
    public Task PostAsync(IEnumerable<KeyValuePair<string, TValue>> changes)
    {
        lock (_gate)
        {
            foreach (var (key, value) in changes)
            {
                _pending[key] = value;
            }

            if (_flushDue || _pending.Count == 0)
            {
                return Task.CompletedTask;
            }

            _flushDue = true;
            var wait = SinceLastSent() is { } since && since < _interval ? _interval - since : TimeSpan.Zero;
            if (wait > TimeSpan.Zero)
            {
                _timer.Change(wait, Timeout.InfiniteTimeSpan);
                return Task.CompletedTask;
            }
        }

        // Merged above, in the caller's order; the fan-out runs off the caller, so an edge's push never waits for
        // hundreds of browsers to be written to.
        return Task.Run(FlushAsync);
    }

    private TimeSpan? SinceLastSent() =>
        _lastSentTicks == long.MinValue ? null : _clock.GetElapsedTime(_lastSentTicks);

    private async Task FlushFromTimerAsync()
    {
        try
        {
            await FlushAsync();
        }
        catch (Exception error)
        {
            _onError(error);
        }
    }

    private async Task FlushAsync()
    {
        // One send at a time per group: a timer flush and a caller's flush must not overtake each other.
        await _sending.WaitAsync();
        try
        {
            TValue[] batch;
            lock (_gate)
            {
                batch = [.. _pending.Values];
                _pending.Clear();
                _flushDue = false;
                _lastSentTicks = _clock.GetTimestamp();
            }

            if (batch.Length > 0)
            {
                await _send(batch);
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _sending.Dispose();
    }
}
