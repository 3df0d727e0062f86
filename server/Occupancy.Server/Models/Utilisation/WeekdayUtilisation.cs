namespace Occupancy.Server.Models.Utilisation;

/// <summary>All desks of the report on one weekday ("monday"), per local hour of the day.</summary>
public sealed record WeekdayUtilisation(string Day, HourCell[] Hours);
