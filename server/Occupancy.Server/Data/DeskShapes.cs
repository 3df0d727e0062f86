namespace Occupancy.Server.Data;

/// <summary>The shapes a desk can have on a floor plan (the wire values).</summary>
public static class DeskShapes
{
    public const string Rectangle = "rect";

    public const string Round = "round";

    public static bool IsValid(string? shape) => shape is Rectangle or Round;
}
