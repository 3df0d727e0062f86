namespace Occupancy.Server.Models.Me;

/// <summary>"I'm here today" at a space.</summary>
public sealed record CheckInRequest(string? SpaceId);
