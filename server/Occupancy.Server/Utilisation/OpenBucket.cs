namespace Occupancy.Server.Utilisation;

/// <summary>One query bucket that lies (partly) within opening hours: where it falls in the space's local week.</summary>
public readonly record struct OpenBucket(int HourOfDay, DayOfWeek Weekday, double OpenSeconds);
