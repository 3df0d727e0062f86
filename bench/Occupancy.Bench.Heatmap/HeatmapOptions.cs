namespace Occupancy.Bench.Heatmap;

/// <summary>
/// Command line: --days N (90, the longest range timed; 7 and 30 are timed too when shorter), --desks N (500),
/// --runs N (5 requests per range, each for a range no request asked for before).
/// </summary>
internal sealed record HeatmapOptions(int Days, int Desks, int Runs)
{
    /// <summary>The ranges timed, shortest first.</summary>
    public int[] Ranges => new[] { 7, 30, Days }.Where(d => d <= Days).Distinct().ToArray();

    /// <summary>Days of history seeded: each run of the longest range ends a day earlier than the one before.</summary>
    public int SeededDays => Days + Runs - 1;

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
