using System.Globalization;

namespace Occupancy.Bench.Race;

/// <summary>What one race runs: <c>--messages N --devices N --connections N</c>.</summary>
internal sealed record RaceOptions(int Messages, int Devices, int Connections)
{
    public static RaceOptions Parse(string[] args)
    {
        var options = new RaceOptions(Messages: 200_000, Devices: 500, Connections: 10);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            int value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--messages" => options with { Messages = value },
                "--devices" => options with { Devices = value },
                "--connections" => options with { Connections = value },
                _ => throw new ArgumentException($"unknown option {args[i]} (known: --messages, --devices, --connections)"),
            };
        }

        if (options.Messages % options.Devices != 0 || options.Devices % options.Connections != 0)
        {
            throw new ArgumentException("--messages must be a multiple of --devices, and --devices of --connections");
        }

        return options;
    }
}
