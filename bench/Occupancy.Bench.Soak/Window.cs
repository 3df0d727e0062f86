namespace Occupancy.Bench.Soak;

/// <summary>One tenth of the soak (2.4 hours of the compressed day): what was offered and how the edge coped.</summary>
internal sealed class Window(int index)
{
    public int Index { get; } = index;

    public long Reports { get; set; }

    public long Taps { get; set; }

    public long RecordsDurable { get; set; }

    public double Seconds { get; set; }

    public double CpuSeconds { get; set; }

    public double PeakRssMb { get; set; }

    public List<double> TapLatenciesMs { get; } = [];

    /// <summary>Sensor → server: a desk report's publish until the server pushes the change it made.</summary>
    public List<double> ServerLatenciesMs { get; } = [];

    public string Hours => $"{Index * 2.4:00.0}–{(Index + 1) * 2.4:00.0} h";

    public static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
