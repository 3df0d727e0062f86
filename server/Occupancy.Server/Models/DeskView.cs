namespace Occupancy.Server.Models;

/// <summary>A desk on a floor plan with its live state ("free", "occupied" or "unknown"). Never says who sits there.</summary>
public sealed record DeskView(string Id, string Label, double X, double Y, double Width, double Height, string Zone, string State);
