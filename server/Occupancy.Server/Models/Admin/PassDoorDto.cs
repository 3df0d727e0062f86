namespace Occupancy.Server.Models.Admin;

public sealed record PassDoorDto(string? SpaceId, string? DoorId);
