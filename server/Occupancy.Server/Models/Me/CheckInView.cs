namespace Occupancy.Server.Models.Me;

/// <summary>A day a member said they were in at a space.</summary>
public sealed record CheckInView(string SpaceId, string Day, DateTimeOffset At);
