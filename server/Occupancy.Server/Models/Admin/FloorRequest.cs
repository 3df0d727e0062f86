namespace Occupancy.Server.Models.Admin;

/// <summary>Creates (with <paramref name="Id"/>) or changes a floor; Width and Height are the plan's size in plan units.</summary>
public sealed record FloorRequest(string? Id, string? Name, double Width, double Height);
