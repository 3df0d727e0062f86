using System.Globalization;

namespace Occupancy.Bench.Common;

/// <summary>CPU time and memory of one process, from /proc: what a contender cost.</summary>
public sealed class ProcessMeter(int pid)
{
    private double _startCpu;
    private long _peakRssKb;

    public void Start()
    {
        _startCpu = CpuSeconds();
        _peakRssKb = RssKb();
    }

    /// <summary>Called now and then during the run: RSS is sampled, the peak kept; returns the sample (MB).</summary>
    public double Sample()
    {
        long rss = RssKb();
        _peakRssKb = Math.Max(_peakRssKb, rss);
        return rss / 1024.0;
    }

    public (double CpuSeconds, double PeakRssMb) Stop()
    {
        _ = Sample();
        return (CpuSeconds() - _startCpu, _peakRssKb / 1024.0);
    }

    private double CpuSeconds()
    {
        var (user, system) = ProcStat.CpuSeconds(pid);
        return user + system;
    }

    private long RssKb()
    {
        string? line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
