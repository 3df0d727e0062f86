namespace Occupancy.Influx;

/// <summary>Pieces of the InfluxQL the edge and the server send to /query.</summary>
public static class InfluxQl
{
    /// <summary>A value to put between single quotes, with backslashes and quotes escaped.</summary>
    public static string EscapeString(string value) => value.Replace("\\", "\\\\").Replace("'", "\\'");
}
