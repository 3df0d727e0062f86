namespace Occupancy.Server.Data;

/// <summary>A door a pass is limited to. A pass without doors opens every door of its spaces.</summary>
public sealed class PassDoor
{
    public Guid PassId { get; set; }

    public required string SpaceId { get; set; }

    public required string DoorId { get; set; }
}
