namespace Occupancy.Server.Data;

/// <summary>A user who hosts (manages) a space.</summary>
public sealed class SpaceHost
{
    public required string UserId { get; set; }

    public required string SpaceId { get; set; }
}
