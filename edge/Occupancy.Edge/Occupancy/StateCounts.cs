namespace Occupancy.Edge.Occupancy;

/// <summary>How many desks are free, occupied and unknown (offline, silent or never heard from).</summary>
public sealed record StateCounts(int Free, int Occupied, int Unknown)
{
    public int Total => Free + Occupied + Unknown;
}
