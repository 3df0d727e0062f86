namespace Occupancy.Server.Data;

/// <summary>A desk on a floor plan and the sensor that reports it.</summary>
public sealed class Desk
{
    /// <summary>Unique within its space, as the edge reports it; the key is (SpaceId, Id).</summary>
    public required string Id { get; set; }

    public required string SpaceId { get; set; }

    public required string FloorId { get; set; }

    public required string Label { get; set; }

    /// <summary>Position and size on the floor plan, in the plan's units.</summary>
    public double X { get; set; }

    public double Y { get; set; }

    public double Width { get; set; }

    public double Height { get; set; }

    /// <summary>How the plan draws the desk: <see cref="DeskShapes.Rectangle"/> or <see cref="DeskShapes.Round"/>.</summary>
    public string Shape { get; set; } = DeskShapes.Rectangle;

    public required string Zone { get; set; }

    public required string DeviceId { get; set; }
}
