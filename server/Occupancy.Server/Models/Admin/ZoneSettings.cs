namespace Occupancy.Server.Models.Admin;

public sealed record ZoneSettings(string Id, string Name, int Desks);
