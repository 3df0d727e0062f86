using System.Diagnostics;

namespace Occupancy.Testing.Tests;

/// <summary>Asks the OS whether a process still runs, guarding against the PID having been reused.</summary>
internal static class ProcessTable
{
    public static bool IsRunning(int pid, string processName)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && process.ProcessName == processName;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
