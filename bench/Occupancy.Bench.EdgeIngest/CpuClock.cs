using System.Diagnostics;
using System.Globalization;

namespace Occupancy.Bench.EdgeIngest;

/// <summary>CPU time (user and system) a set of processes used between two readings, from /proc.</summary>
internal sealed class CpuClock(IReadOnlyDictionary<string, int> processes)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    private Dictionary<string, (double User, double System)> _start = [];

    public void Start() => _start = Read();

    /// <summary>Seconds of user and system CPU per process since <see cref="Start"/>.</summary>
    public Dictionary<string, (double User, double System)> Stop() =>
        Read().ToDictionary(p => p.Key, p => (p.Value.User - _start[p.Key].User, p.Value.System - _start[p.Key].System));

    private Dictionary<string, (double User, double System)> Read() => processes.ToDictionary(p => p.Key, p => CpuSeconds(p.Value));

    private static (double User, double System) CpuSeconds(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            var self = Process.GetCurrentProcess();
            return (self.UserProcessorTime.TotalSeconds, self.PrivilegedProcessorTime.TotalSeconds);
        }

        // Fields after the command name (which may hold spaces): utime is field 14, stime 15.
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) / TicksPerSecond, long.Parse(fields[12], CultureInfo.InvariantCulture) / TicksPerSecond);
    }
}
