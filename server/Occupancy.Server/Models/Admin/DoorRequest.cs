namespace Occupancy.Server.Models.Admin;

/// <summary>
/// Creates (with <paramref name="Id"/>) or changes a door: its floor, reader device, how long a granted tap unlocks
/// it, and its <paramref name="Mode"/> (Data.DoorModes: normal, lockdown, free; normal when left out).
/// </summary>
public sealed record DoorRequest(string? Id, string? FloorId, string? Name, string? DeviceId, int UnlockSeconds = 5, string? Mode = null);
