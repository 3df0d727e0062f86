namespace Occupancy.Bench.EdgeIngest;

/// <summary>What one run measures: <c>--devices N --messages N --warmup N --rounds N [--only relay|mqttnet|edge]</c>.</summary>
internal sealed record BenchOptions(int Devices, int Messages, int Warmup, int Rounds, string Only)
{
    public bool RunsRelay => Only is "" or "relay";

    public bool RunsBareMqttnet => Only is "" or "mqttnet";

    public bool RunsEdge => Only is "" or "edge";

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(Devices: 200, Messages: 200_000, Warmup: 20_000, Rounds: 2, Only: "");
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--only")
            {
                options = args[i + 1] is "relay" or "mqttnet" or "edge" ? options with { Only = args[i + 1] } : throw new ArgumentException("--only takes relay, mqttnet or edge");
                continue;
            }

            int value = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--devices" => options with { Devices = value },
                "--messages" => options with { Messages = value },
                "--warmup" => options with { Warmup = value },
                "--rounds" => options with { Rounds = value },
                _ => throw new ArgumentException($"unknown option {args[i]} (known: --devices, --messages, --warmup, --rounds, --only)"),
            };
        }

        if (options.Messages % options.Devices != 0 || options.Warmup % options.Devices != 0)
        {
            throw new ArgumentException("--messages and --warmup must be multiples of --devices");
        }

        return options;
    }
}
