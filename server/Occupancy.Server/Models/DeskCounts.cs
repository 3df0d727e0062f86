namespace Occupancy.Server.Models;

/// <summary>How many desks are free, occupied or unknown (no edge has reported them yet, or their sensor is silent).</summary>
public sealed record DeskCounts(int Free, int Occupied, int Unknown, int Total);
