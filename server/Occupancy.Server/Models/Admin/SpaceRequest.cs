namespace Occupancy.Server.Models.Admin;

/// <summary>Creates (with <paramref name="Id"/>) or changes a space. TimeZone is an IANA id such as "Europe/Berlin".</summary>
public sealed record SpaceRequest(string? Id, string? Name, string? TimeZone, OpeningHoursDto[]? OpeningHours);
