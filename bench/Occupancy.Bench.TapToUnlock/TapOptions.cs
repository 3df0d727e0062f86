namespace Occupancy.Bench.TapToUnlock;

/// <summary>Command-line settings: <c>--taps N --desks N --rate MSG_PER_S</c>.</summary>
internal sealed record TapOptions(int Taps, int Desks, int Rate)
{
    public static TapOptions Parse(string[] args)
    {
        var options = new TapOptions(Taps: 1000, Desks: 1000, Rate: 1000);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            int value = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--taps" => options with { Taps = value },
                "--desks" => options with { Desks = value },
                "--rate" => options with { Rate = value },
                _ => throw new ArgumentException($"unknown option {args[i]} (use --taps, --desks, --rate)"),
            };
        }

        return options;
    }
}
