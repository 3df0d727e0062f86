namespace Occupancy.Server.Models.Admin;

/// <summary>A floor with its plan's desks and doors, for the plan editor.</summary>
public sealed record FloorSettings(string Id, string Name, double Width, double Height, DeskSettings[] Desks, DoorSettings[] Doors);
