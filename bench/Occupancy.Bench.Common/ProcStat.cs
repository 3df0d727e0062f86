using System.Globalization;

namespace Occupancy.Bench.Common;

/// <summary>What /proc says of a process: its CPU time so far, which on a shared machine tells its cost apart from its wait for a core.</summary>
public static class ProcStat
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>User and system CPU seconds process <paramref name="pid"/> has used so far.</summary>
    public static (double User, double System) CpuSeconds(int pid)
    {
        // Fields after the command name (which may hold spaces): utime is field 14, stime 15.
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) / TicksPerSecond, long.Parse(fields[12], CultureInfo.InvariantCulture) / TicksPerSecond);
    }

    /// <summary>User plus system CPU milliseconds process <paramref name="pid"/> has used so far.</summary>
    public static double CpuMilliseconds(int pid)
    {
        var (user, system) = CpuSeconds(pid);
        return (user + system) * 1000;
    }
}
