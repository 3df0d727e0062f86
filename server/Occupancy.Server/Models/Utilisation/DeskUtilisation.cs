namespace Occupancy.Server.Models.Utilisation;

/// <summary>A desk over the whole range, and per local hour of the day (one cell per hour the report shows).</summary>
public sealed record DeskUtilisation(
    string Id,
    string Label,
    string FloorId,
    string Zone,
    double? Utilisation,
    double OccupiedSeconds,
    double OpenSeconds,
    HourCell[] Hours);
