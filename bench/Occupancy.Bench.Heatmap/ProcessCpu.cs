using System.Globalization;

namespace Occupancy.Bench.Heatmap;

/// <summary>
/// CPU time a process has used so far (user + system, from /proc), so a request's cost can be told apart from how
/// busy the machine was: wall time on a shared machine mostly measures the queue for the two cores.
/// </summary>
internal static class ProcessCpu
{
    private static readonly double TicksPerMs = 100 / 1000.0; // USER_HZ is 100 on Linux

    public static double Milliseconds(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        // Fields after the command name (which may hold spaces) start past its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerMs;
    }
}
