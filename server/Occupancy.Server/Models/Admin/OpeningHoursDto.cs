namespace Occupancy.Server.Models.Admin;

/// <summary>One weekday's opening hours: day "monday"…"sunday", times "HH:mm" in the space's time zone.</summary>
public sealed record OpeningHoursDto(string? Day, string? Opens, string? Closes);
