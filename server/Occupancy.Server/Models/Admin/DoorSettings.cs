namespace Occupancy.Server.Models.Admin;

public sealed record DoorSettings(string Id, string FloorId, string Name, string DeviceId, int UnlockSeconds, string Mode, string? PairedDoorId = null, string? Direction = null);
