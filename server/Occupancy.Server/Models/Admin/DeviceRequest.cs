namespace Occupancy.Server.Models.Admin;

/// <summary>Provisions a device: its id (its MQTT client id) and kind, "desk" or "door".</summary>
public sealed record DeviceRequest(string? Id, string? Kind);
