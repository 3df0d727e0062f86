namespace Occupancy.Uplink;

/// <summary>
/// Weekly hours in the site's own time zone. <paramref name="Days"/> is a bit mask, bit 0 =
/// Sunday … bit 6 = Saturday (as <see cref="DayOfWeek"/>); minutes count from local midnight.
/// A window whose end is before its start runs past midnight into the next day, and belongs to
/// the day it starts on.
/// </summary>
public sealed record AccessWindow(int Days, int StartMinute, int EndMinute)
{
    public const int EveryDay = 0b111_1111;

    public static AccessWindow Always { get; } = new(EveryDay, 0, 24 * 60);
}
