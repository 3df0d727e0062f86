using System.Globalization;

namespace Occupancy.Bench.Common;

/// <summary>A benchmark's options as <c>--name value</c> pairs on its command line.</summary>
public static class CommandLine
{
    /// <summary>The whole number after <paramref name="name"/>, or <paramref name="fallback"/> when it is not given.</summary>
    public static int Int(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
