namespace Occupancy.Server.Models;

/// <summary>Whether a space's edge gateway is connected to the server, and since when (UTC).</summary>
public sealed record EdgeStatus(string SpaceId, bool Online, DateTimeOffset Since);
