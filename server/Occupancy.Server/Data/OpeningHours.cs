namespace Occupancy.Server.Data;

/// <summary>When a space is open on one weekday, in its own time zone. A day without a row is closed.</summary>
public sealed class OpeningHours
{
    public required string SpaceId { get; set; }

    public DayOfWeek Day { get; set; }

    public TimeOnly Opens { get; set; }

    /// <summary>Later than <see cref="Opens"/>; a space open past midnight closes at 23:59 and opens again at 00:00.</summary>
    public TimeOnly Closes { get; set; }
}
