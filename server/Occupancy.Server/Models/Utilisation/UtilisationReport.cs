namespace Occupancy.Server.Models.Utilisation;

/// <summary>
/// A space's (or one floor's) utilisation over a range of local dates, within its opening hours: the desk × hour and
/// weekday × hour heatmaps, floors, zones, peak occupancy and the desks never or rarely used. <see cref="Hours"/> are
/// the local hours of the day shown (those open at least once); every <see cref="HourCell"/> array follows them.
/// Desks come in floor and label order, as on the plans.
/// </summary>
public sealed record UtilisationReport(
    string SpaceId,
    string SpaceName,
    string TimeZone,
    string From,
    string To,
    string? FloorId,
    bool AroundTheClock,
    int[] Hours,
    DeskUtilisation[] Desks,
    WeekdayUtilisation[] Weekdays,
    GroupUtilisation[] Floors,
    GroupUtilisation[] Zones,
    PeakOccupancy? Peak,
    double RarelyUsedBelow,
    string[] NeverUsed,
    string[] RarelyUsed);
