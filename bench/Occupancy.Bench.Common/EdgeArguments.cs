namespace Occupancy.Bench.Common;

/// <summary>The edge's command line: each setting as <c>--Key=value</c>, and the operations port it answers on.</summary>
public static class EdgeArguments
{
    public static IEnumerable<string> From(IReadOnlyDictionary<string, string> settings, int httpPort) =>
        settings.Select(s => $"--{s.Key}={s.Value}").Append($"--Edge:HttpPort={httpPort}");
}
