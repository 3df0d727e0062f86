namespace Occupancy.Server.Models.Admin;

/// <summary>A space as hosts and admins manage it.</summary>
public sealed record SpaceSettings(
    string Id,
    string Name,
    string TimeZone,
    OpeningHoursDto[] OpeningHours,
    long ConfigVersion,
    bool EdgeOnline,
    int Floors,
    int Desks,
    int Doors);
