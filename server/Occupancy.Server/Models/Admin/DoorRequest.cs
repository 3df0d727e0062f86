namespace Occupancy.Server.Models.Admin;

/// <summary>
/// Creates (with <paramref name="Id"/>) or changes a door: its floor, reader device, how long a granted tap unlocks
/// it, and its <paramref name="Mode"/> (Data.DoorModes: normal, lockdown, free; normal when left out).
/// <paramref name="PairedDoorId"/> and <paramref name="Direction"/> ("in" or "out") make it one side of an in/out
/// pair for anti-passback; the other door is paired back with the other direction. Left out, the door is unpaired.
/// </summary>
public sealed record DoorRequest(
    string? Id,
    string? FloorId,
    string? Name,
    string? DeviceId,
    int UnlockSeconds = 5,
    string? Mode = null,
    string? PairedDoorId = null,
    string? Direction = null);
