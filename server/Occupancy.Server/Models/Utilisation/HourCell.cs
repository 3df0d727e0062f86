namespace Occupancy.Server.Models.Utilisation;

/// <summary>
/// One heatmap cell: occupied seconds over open seconds (desk-seconds for a group of desks). Utilisation is null
/// when the space was never open in that hour of the range.
/// </summary>
public sealed record HourCell(int Hour, double? Utilisation, double OccupiedSeconds, double OpenSeconds);
