namespace Occupancy.Server.Models;

/// <summary>A floor plan with every desk's live state. Width and height are the plan's size in desk coordinates.</summary>
public sealed record FloorPlan(string Id, string SpaceId, string Name, double Width, double Height, DeskView[] Desks, DeskCounts Counts);
