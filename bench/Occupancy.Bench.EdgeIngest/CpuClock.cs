using System.Diagnostics;
using Occupancy.Bench.Common;

namespace Occupancy.Bench.EdgeIngest;

/// <summary>CPU time (user and system) a set of processes used between two readings, from /proc.</summary>
internal sealed class CpuClock(IReadOnlyDictionary<string, int> processes)
{
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

        return ProcStat.CpuSeconds(pid);
    }
}
