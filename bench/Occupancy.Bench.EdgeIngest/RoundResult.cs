namespace Occupancy.Bench.EdgeIngest;

/// <summary>One measured round: how long until every publish was acknowledged, and until every message arrived at the far end.</summary>
internal sealed record RoundResult(string Path, int Messages, TimeSpan Acknowledged, TimeSpan EndToEnd, IReadOnlyDictionary<string, (double User, double System)> CpuSeconds)
{
    /// <summary>
    /// A relay round where the subscriber took far longer than the publishers (seen with this mosquitto: a backlog
    /// trickling out for minutes after the last PUBACK) measured a stall, not the relay's rate; it is shown and left
    /// out of the medians, which can only favour the relay (a slow round would lower its rate).
    /// </summary>
    public bool FellBehind => EndToEnd > (Acknowledged * 1.5) + TimeSpan.FromSeconds(2);

    public double AckRate => Messages / Acknowledged.TotalSeconds;

    public double EndToEndRate => Messages / EndToEnd.TotalSeconds;

    /// <summary>CPU milliseconds (user + system) per 1,000 messages, per process, e.g. "edge 80+40".</summary>
    public string CpuPerThousand =>
        string.Join(", ", CpuSeconds.Select(p => $"{p.Key} {Per1k(p.Value.User):F0}+{Per1k(p.Value.System):F0}")) + $"; all {TotalCpuPerThousand:F0}";

    /// <summary>All the processes' CPU milliseconds per 1,000 messages: on a machine where the round is CPU-bound, this sets its rate.</summary>
    public double TotalCpuPerThousand => CpuSeconds.Values.Sum(c => Per1k(c.User + c.System));

    private double Per1k(double seconds) => seconds * 1000 * 1000 / Messages;
}
