using Occupancy.Server.Data;

namespace Occupancy.Server.Apis;

/// <summary>"Today" at a space: the date in the space's own time zone, so who's in turns over at the space's midnight.</summary>
public static class SpaceDays
{
    public static DateOnly Today(Space space, TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(space.TimeZone)).DateTime);
}
