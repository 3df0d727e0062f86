namespace Occupancy.Server.Models.Admin;

public sealed record PassView(
    Guid Id,
    Guid MemberId,
    string Name,
    string[] SpaceIds,
    PassDoorDto[] Doors,
    string[] Weekdays,
    string? Opens,
    string? Closes,
    string? ValidFrom,
    string? ValidTo,
    bool Suspended,
    DateTimeOffset? RevokedAt,
    long Version);
