namespace Occupancy.Server.Models;

/// <summary>A space as the network overview shows it: live desk counts, in total and per floor.</summary>
public sealed record SpaceSummary(
    string Id,
    string Name,
    string TimeZone,
    int FreeDesks,
    int OccupiedDesks,
    int UnknownDesks,
    int TotalDesks,
    FloorSummary[] Floors);
