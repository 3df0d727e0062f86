namespace Occupancy.Server.Models.Admin;

/// <summary>Creates (with <paramref name="Id"/>) or changes a desk: where it is on which floor, its shape ("rect" or "round"), zone and sensor.</summary>
public sealed record DeskRequest(
    string? Id,
    string? FloorId,
    string? Label,
    double X,
    double Y,
    double Width,
    double Height,
    string? Shape,
    string? Zone,
    string? DeviceId);
