namespace Occupancy.Firmware.Simulator.Day;

/// <summary>
/// How much people want each desk: a tenth nobody uses (by the door, the dark corner), a fifth
/// everybody wants (by the window), the rest in between. Fixed by the seed.
/// </summary>
public sealed class DeskPopularity
{
    private readonly double[] _cumulative;

    public DeskPopularity(int seed, int desks)
    {
        var random = new Random(StableHash.Of(seed, "popularity"));
        Weights = new double[desks];
        for (int i = 0; i < desks; i++)
        {
            double roll = random.NextDouble();
            Weights[i] = roll < 0.1 ? 0 : roll < 0.3 ? 5 : 0.5 + random.NextDouble();
        }

        _cumulative = new double[desks];
        double sum = 0;
        for (int i = 0; i < desks; i++)
        {
            sum += Weights[i];
            _cumulative[i] = sum;
        }
    }

    public double[] Weights { get; }

    public bool IsNeverUsed(int desk) => Weights[desk] == 0;

    /// <summary>A desk drawn by popularity; -1 when there are none.</summary>
    public int Pick(Random random)
    {
        if (_cumulative.Length == 0 || _cumulative[^1] == 0)
        {
            return -1;
        }

        double target = random.NextDouble() * _cumulative[^1];
        int index = Array.BinarySearch(_cumulative, target);
        index = index < 0 ? ~index : index;
        while (index < _cumulative.Length - 1 && Weights[index] == 0)
        {
            index++;
        }

        return index;
    }

    /// <summary>A free desk drawn by popularity (never a never-used one); -1 when all wanted desks are taken.</summary>
    public int PickFree(Random random, Func<int, bool> isFree)
    {
        for (int attempt = 0; attempt < 20; attempt++)
        {
            int desk = Pick(random);
            if (desk >= 0 && isFree(desk))
            {
                return desk;
            }
        }

        // Crowded: the first free desk anyone would sit at.
        for (int desk = 0; desk < Weights.Length; desk++)
        {
            if (Weights[desk] > 0 && isFree(desk))
            {
                return desk;
            }
        }

        return -1;
    }
}
