namespace Occupancy.Server.Models.Admin;

/// <summary>A desk as the plan editor shows it.</summary>
public sealed record DeskSettings(string Id, string FloorId, string Label, double X, double Y, double Width, double Height, string Shape, string Zone, string DeviceId);
