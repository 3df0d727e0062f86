namespace Occupancy.Bench.TapToUnlock;

/// <summary>Tap-to-unlock times of one scenario, in milliseconds.</summary>
internal sealed class ScenarioLatencies(string scenario, List<double> samples)
{
    public string Scenario { get; } = scenario;

    public int Count => samples.Count;

    public double Percentile(double p)
    {
        var sorted = samples.Order().ToArray();
        int index = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }

    public double Max => samples.Max();
}
