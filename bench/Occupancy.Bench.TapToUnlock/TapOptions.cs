namespace Occupancy.Bench.TapToUnlock;

/// <summary>
/// Command-line settings: <c>--taps N --desks N --rate MSG_PER_S --mode embedded|external</c>; in
/// <c>external</c> mode the edge is a client of a mosquitto the reader and the desks connect to.
/// </summary>
internal sealed record TapOptions(int Taps, int Desks, int Rate, string Mode = "embedded")
{
    public bool External => Mode == "external";

    public static TapOptions Parse(string[] args)
    {
        var options = new TapOptions(Taps: 1000, Desks: 1000, Rate: 1000);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--taps" => options with { Taps = Number(args[i + 1]) },
                "--desks" => options with { Desks = Number(args[i + 1]) },
                "--rate" => options with { Rate = Number(args[i + 1]) },
                "--mode" when args[i + 1] is "embedded" or "external" => options with { Mode = args[i + 1] },
                _ => throw new ArgumentException($"unknown option {args[i]} {args[i + 1]} (use --taps, --desks, --rate, --mode embedded|external)"),
            };
        }

        return options;
    }

    private static int Number(string value) => int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
