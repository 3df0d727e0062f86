using System.Reflection;

namespace Occupancy.Firmware.Simulator;

/// <summary>The <c>fw</c> field simulated devices send: this assembly's version, marked as simulated.</summary>
internal static class FirmwareVersion
{
    public static string Current { get; } = Describe(typeof(FirmwareVersion).Assembly);

    private static string Describe(Assembly assembly)
    {
        // The informational version may carry a commit hash, longer than the 32 characters the contract allows.
        Version version = assembly.GetName().Version ?? new Version(0, 0, 0);
        return $"{version.Major}.{version.Minor}.{Math.Max(version.Build, 0)}-sim";
    }
}
