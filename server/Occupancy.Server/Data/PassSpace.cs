namespace Occupancy.Server.Data;

/// <summary>A space a pass opens.</summary>
public sealed class PassSpace
{
    public Guid PassId { get; set; }

    public required string SpaceId { get; set; }
}
