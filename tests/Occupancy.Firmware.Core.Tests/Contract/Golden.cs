using System.Text;

namespace Occupancy.Firmware.Core.Tests.Contract;

/// <summary>The golden payload files copied next to the tests: the wire bytes the contract promises.</summary>
internal static class Golden
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Golden", name));

    public static string Text(string name) => Encoding.UTF8.GetString(Bytes(name));
}
