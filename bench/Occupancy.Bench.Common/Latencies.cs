namespace Occupancy.Bench.Common;

/// <summary>Latency samples (ms), recorded from many threads (e.g. SignalR clients'), summarised as percentiles.</summary>
public sealed class Latencies
{
    private readonly List<double> _samples = [];

    public int Count
    {
        get
        {
            lock (_samples)
            {
                return _samples.Count;
            }
        }
    }

    public void Add(double milliseconds)
    {
        lock (_samples)
        {
            _samples.Add(milliseconds);
        }
    }

    public void Clear()
    {
        lock (_samples)
        {
            _samples.Clear();
        }
    }

    public string Summary()
    {
        double[] sorted;
        lock (_samples)
        {
            sorted = [.. _samples.Order()];
        }

        if (sorted.Length == 0)
        {
            return "no samples";
        }

        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return $"p50 {At(0.50):F1} ms, p90 {At(0.90):F1} ms, p99 {At(0.99):F1} ms, max {sorted[^1]:F1} ms ({sorted.Length:N0} samples)";
    }
}
