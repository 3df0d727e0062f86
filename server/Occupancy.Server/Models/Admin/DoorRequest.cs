namespace Occupancy.Server.Models.Admin;

/// <summary>Creates (with <paramref name="Id"/>) or changes a door: its floor, reader device and how long a granted tap unlocks it.</summary>
public sealed record DoorRequest(string? Id, string? FloorId, string? Name, string? DeviceId, int UnlockSeconds = 5);
