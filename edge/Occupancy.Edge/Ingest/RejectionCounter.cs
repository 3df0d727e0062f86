using System.Collections.Concurrent;
using Occupancy.Edge.Operations;

namespace Occupancy.Edge.Ingest;

/// <summary>
/// Counts refused messages per reason and logs them without flooding the log: the first
/// of each reason at once, then at most one summary line per reason every interval.
/// </summary>
public sealed partial class RejectionCounter(ILogger<RejectionCounter> logger, TimeProvider time, EdgeMetrics? metrics = null)
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Tally> _tallies = new(StringComparer.Ordinal);

    public long Count(string reason) => _tallies.TryGetValue(reason, out var tally) ? Interlocked.Read(ref tally.Total) : 0;

    public IReadOnlyDictionary<string, long> All() => _tallies.ToDictionary(p => p.Key, p => Interlocked.Read(ref p.Value.Total));

    public void Reject(string reason, string clientId, string topic, string detail)
    {
        var tally = _tallies.GetOrAdd(reason, _ => new Tally());
        long total = Interlocked.Increment(ref tally.Total);
        metrics?.MessageRejected(reason);
        var now = time.GetUtcNow();
        lock (tally)
        {
            if (total > 1 && now - tally.LastLogged < LogInterval)
            {
                return;
            }

            tally.LastLogged = now;
        }

        LogRejected(logger, reason, clientId, topic, detail, total);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a message ({Reason}) from {ClientId} on {Topic}: {Detail} ({Total} refused for this reason so far)")]
    private static partial void LogRejected(ILogger logger, string reason, string clientId, string topic, string detail, long total);

    private sealed class Tally
    {
        public long Total;
        public DateTimeOffset LastLogged;
    }
}
