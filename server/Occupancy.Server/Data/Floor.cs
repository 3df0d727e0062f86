namespace Occupancy.Server.Data;

/// <summary>A floor of a space, with its plan's size in plan units (desk coordinates use the same units).</summary>
public sealed class Floor
{
    /// <summary>Unique within its space only ("floor-1" exists in many spaces), so the key is (SpaceId, Id).</summary>
    public required string Id { get; set; }

    public required string SpaceId { get; set; }

    public required string Name { get; set; }

    public double Width { get; set; }

    public double Height { get; set; }

    public List<Desk> Desks { get; set; } = [];
}
