namespace Occupancy.Server.Models;

/// <summary>
/// A desk on a floor plan with its live state ("free", "occupied" or "unknown"); shape "rect" or "round".
/// Never says who sits there.
/// </summary>
public sealed record DeskView(string Id, string Label, double X, double Y, double Width, double Height, string Shape, string Zone, string State);
