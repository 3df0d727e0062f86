namespace Occupancy.Server.Models;

/// <summary>One floor in a space summary.</summary>
public sealed record FloorSummary(string Id, string Name, int FreeDesks, int OccupiedDesks, int UnknownDesks, int TotalDesks);
