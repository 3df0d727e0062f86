namespace Occupancy.Edge.Usage;

/// <summary><see cref="Count"/> consecutive intervals from <see cref="Start"/> with the same, final values, not written yet.</summary>
public sealed class RowRun
{
    public long Start { get; set; }

    public long Count { get; set; }

    public long OccupiedMs { get; set; }

    public long KnownMs { get; set; }
}
