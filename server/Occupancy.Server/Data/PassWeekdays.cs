namespace Occupancy.Server.Data;

/// <summary>A pass's weekdays as bits, one per <see cref="DayOfWeek"/>.</summary>
public static class PassWeekdays
{
    public const int All = 0b111_1111;

    public static int Of(IEnumerable<DayOfWeek> days) => days.Aggregate(0, (bits, day) => bits | (1 << (int)day));

    public static DayOfWeek[] Days(int bits) =>
        Enum.GetValues<DayOfWeek>().Where(day => (bits & (1 << (int)day)) != 0).ToArray();
}
