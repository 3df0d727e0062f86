using System.Globalization;

namespace Occupancy.Bench.TapToUnlock;

/// <summary>
/// The edge's outbox commit times (write + fsync of one group commit) over a scenario, from the
/// difference of its <c>occupancy_edge_outbox_commit_duration_seconds</c> histogram before and after:
/// a tap's answer waits for its decision's commit, so this is the disk's share of the latency.
/// Quantiles are bucket upper bounds, as Prometheus would estimate them.
/// </summary>
internal sealed class CommitTimes(SortedDictionary<double, double> cumulative)
{
    private const string Bucket = "occupancy_edge_outbox_commit_duration_seconds_bucket{";

    public static CommitTimes Parse(string metrics)
    {
        var buckets = new SortedDictionary<double, double>();
        foreach (string line in metrics.Split('\n'))
        {
            int le = line.IndexOf("le=\"", StringComparison.Ordinal);
            if (!line.StartsWith(Bucket, StringComparison.Ordinal) || le < 0)
            {
                continue;
            }

            string bound = line[(le + 4)..line.IndexOf('"', le + 4)];
            double upper = bound == "+Inf" ? double.PositiveInfinity : double.Parse(bound, CultureInfo.InvariantCulture);
            buckets[upper] = double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }

        return new CommitTimes(buckets);
    }

    public CommitTimes Since(CommitTimes earlier) =>
        new(new SortedDictionary<double, double>(cumulative.ToDictionary(b => b.Key, b => b.Value - earlier.Count(b.Key))));

    public double Total => cumulative.Count == 0 ? 0 : cumulative.Last().Value;

    /// <summary>The upper bound, in milliseconds, of the bucket that holds the <paramref name="p"/>th percentile.</summary>
    public string Percentile(double p)
    {
        double wanted = Total * p / 100;
        foreach (var (upper, count) in cumulative)
        {
            if (count >= wanted)
            {
                return double.IsPositiveInfinity(upper) ? "> 10,000" : $"≤ {upper * 1000:G4}";
            }
        }

        return "?";
    }

    private double Count(double upper) => cumulative.TryGetValue(upper, out double count) ? count : 0;
}
