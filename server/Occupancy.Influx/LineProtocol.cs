namespace Occupancy.Influx;

/// <summary>Pieces of InfluxDB line protocol for the lines written by hand (sums and roll-ups built from query results).</summary>
public static class LineProtocol
{
    /// <summary>A tag key or value with the characters that would end it (backslash, comma, equals, space) escaped.</summary>
    public static string EscapeTag(string value) => value.Replace("\\", "\\\\").Replace(",", "\\,").Replace("=", "\\=").Replace(" ", "\\ ");
}
