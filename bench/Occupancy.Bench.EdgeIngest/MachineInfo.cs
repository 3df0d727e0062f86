using System.Runtime.InteropServices;

namespace Occupancy.Bench.EdgeIngest;

/// <summary>What the numbers were measured on.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        string cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        string memory = File.Exists("/proc/meminfo")
            ? $"{long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024 / 1024.0:F1} GiB"
            : "?";
        return $"{Environment.ProcessorCount} CPUs ({cpu}), {memory} RAM, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
