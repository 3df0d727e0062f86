namespace Occupancy.Uplink;

/// <summary>One desk: where it is (floor, zone) and which sensor reports it.</summary>
public sealed record DeskConfig(string DeskId, string FloorId, string Zone, string DeviceId);
