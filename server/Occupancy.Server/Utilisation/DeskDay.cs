namespace Occupancy.Server.Utilisation;

/// <summary>
/// One desk's occupied seconds in each local hour (0–23) of one day in its space's time zone. The hour repeated when
/// daylight saving ends holds both of its hours; the hour skipped when it starts holds nothing.
/// </summary>
public sealed record DeskDay(string Desk, string Floor, string Zone, double[] Hours);
