namespace Occupancy.Server.Models.Admin;

/// <summary>
/// Creates or changes a pass. Weekdays "monday"…"sunday" (empty: every day); Opens/Closes "HH:mm" in each space's
/// time zone (both empty: all day; Closes before Opens: the window runs past midnight); ValidFrom/ValidTo
/// "yyyy-MM-dd", inclusive; Doors empty: every door of the spaces.
/// </summary>
public sealed record PassRequest(
    Guid MemberId,
    string? Name,
    string[]? SpaceIds,
    PassDoorDto[]? Doors,
    string[]? Weekdays,
    string? Opens,
    string? Closes,
    string? ValidFrom,
    string? ValidTo,
    bool Suspended = false);
