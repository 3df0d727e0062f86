using System.Collections.Concurrent;
using System.Diagnostics;

namespace Occupancy.Bench.DashboardLoad;

/// <summary>When each desk's latest state was sent (Stopwatch ticks), so a receiver can time the delivery of that state.</summary>
internal sealed class SentChanges
{
    private readonly ConcurrentDictionary<string, (string State, long SentAt)> _latest = new(StringComparer.Ordinal);

    public void Sent(string deskId, string state, long sentAt) => _latest[deskId] = (state, sentAt);

    /// <summary>The delivery latency of <paramref name="state"/>, if it is still the desk's latest sent state.</summary>
    public bool TryLatency(string deskId, string state, long receivedAt, out double milliseconds)
    {
        milliseconds = 0;
        if (!_latest.TryGetValue(deskId, out var sent) || sent.State != state)
        {
            return false;
        }

        milliseconds = Stopwatch.GetElapsedTime(sent.SentAt, receivedAt).TotalMilliseconds;
        return true;
    }
}
