using System.Runtime.InteropServices;

namespace Occupancy.Bench.Common;

/// <summary>What the numbers were measured on, and how busy it was.</summary>
public static class Machine
{
    public static string Describe()
    {
        string cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        return $"{Environment.ProcessorCount} CPUs ({cpu}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    public static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
