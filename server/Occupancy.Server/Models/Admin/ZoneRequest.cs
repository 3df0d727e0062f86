namespace Occupancy.Server.Models.Admin;

/// <summary>Creates (with <paramref name="Id"/>) or renames a zone.</summary>
public sealed record ZoneRequest(string? Id, string? Name);
