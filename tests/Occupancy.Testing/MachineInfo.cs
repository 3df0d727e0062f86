using System.Runtime.InteropServices;

namespace Occupancy.Testing;

/// <summary>What a benchmark's numbers were measured on (every benchmark prints it with its results).</summary>
public static class MachineInfo
{
    public static string Describe()
    {
        string cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        string memory = File.Exists("/proc/meminfo")
            ? $"{long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024 / 1024.0:F1} GiB"
            : "?";
        string load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
        return $"{Environment.ProcessorCount} CPUs ({cpu}), {memory} RAM, load {load}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
