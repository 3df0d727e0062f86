namespace Occupancy.Server.Models.Utilisation;

/// <summary>
/// The most desks in use at once: the highest average number of occupied desks over one usage interval
/// (5 minutes), starting at <see cref="At"/> (local time of the space, ISO 8601 with its offset).
/// </summary>
public sealed record PeakOccupancy(double Desks, string At, int IntervalMinutes, int DeskCount);
