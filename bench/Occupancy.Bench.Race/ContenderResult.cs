namespace Occupancy.Bench.Race;

/// <summary>What one contender did with the stream: points committed in InfluxDB, how fast, at what cost.</summary>
internal sealed record ContenderResult(
    string Name,
    long Published,
    long Committed,
    TimeSpan PublishTime,
    TimeSpan EndToEnd,
    double ContenderCpuSeconds,
    double InfluxdCpuSeconds,
    double PeakRssMb)
{
    public double PointsPerSecond => Committed / EndToEnd.TotalSeconds;

    public double CpuMsPerThousand => ContenderCpuSeconds * 1000 * 1000 / Math.Max(1, Committed);

    public double InfluxdCpuMsPerThousand => InfluxdCpuSeconds * 1000 * 1000 / Math.Max(1, Committed);
}
