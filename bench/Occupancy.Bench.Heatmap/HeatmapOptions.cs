namespace Occupancy.Bench.Heatmap;

/// <summary>Command line: --days N (90), --desks N (500), --runs N (5 timed requests after one to warm up).</summary>
internal sealed record HeatmapOptions(int Days, int Desks, int Runs)
{
    public static HeatmapOptions Parse(string[] args)
    {
        var options = new HeatmapOptions(90, 500, 5);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0
                ? n
                : throw new ArgumentException($"{args[i]} needs a positive number.");
            options = args[i] switch
            {
                "--days" => options with { Days = value },
                "--desks" => options with { Desks = value },
                "--runs" => options with { Runs = value },
                _ => throw new ArgumentException($"Unknown option {args[i]} (--days, --desks, --runs)."),
            };
            i++;
        }

        return options;
    }
}
