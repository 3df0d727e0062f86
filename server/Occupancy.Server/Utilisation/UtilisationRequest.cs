namespace Occupancy.Server.Utilisation;

/// <summary>A validated utilisation query: local dates from and to (both included), optionally one floor.</summary>
public sealed record UtilisationRequest(DateOnly From, DateOnly To, string? FloorId, double RarelyUsedBelow);
