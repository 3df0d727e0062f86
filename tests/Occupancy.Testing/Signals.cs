using System.Runtime.InteropServices;

namespace Occupancy.Testing;

/// <summary>Unix signals for processes a test started, where .NET's Process can only kill.</summary>
public static class Signals
{
    private const int SigTerm = 15;

    /// <summary>SIGTERM, as systemd or an operator's <c>kill</c> stops a service: it is asked to finish, not killed.</summary>
    public static void Terminate(int pid)
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = SendSignal(pid, SigTerm);
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
