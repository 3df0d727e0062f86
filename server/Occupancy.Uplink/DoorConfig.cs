namespace Occupancy.Uplink;

/// <summary>One door and its reader.</summary>
public sealed record DoorConfig(string DoorId, string DeviceId);
