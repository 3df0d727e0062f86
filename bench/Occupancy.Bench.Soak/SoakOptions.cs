using System.Globalization;

namespace Occupancy.Bench.Soak;

/// <summary>
/// What one soak runs: <c>--desks N --doors N --minutes N --rate N --taps N --burst N --connections N</c>.
/// <c>--rate</c> is desk reports per second at the busiest normal hour, <c>--taps</c> door taps per
/// second then; the burst multiplies both.
/// </summary>
internal sealed record SoakOptions(int Desks, int Doors, double Minutes, double Rate, double Taps, double Burst, int Connections)
{
    public static SoakOptions Parse(string[] args)
    {
        var options = new SoakOptions(Desks: 10_000, Doors: 200, Minutes: 10, Rate: 250, Taps: 3, Burst: 10, Connections: 20);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            double value = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--desks" => options with { Desks = (int)value },
                "--doors" => options with { Doors = (int)value },
                "--minutes" => options with { Minutes = value },
                "--rate" => options with { Rate = value },
                "--taps" => options with { Taps = value },
                "--burst" => options with { Burst = value },
                "--connections" => options with { Connections = (int)value },
                _ => throw new ArgumentException($"unknown option {args[i]} (known: --desks, --doors, --minutes, --rate, --taps, --burst, --connections)"),
            };
        }

        return options;
    }

    public TimeSpan Duration => TimeSpan.FromMinutes(Minutes);
}
