namespace Occupancy.Server.Data;

/// <summary>A named area of a space (e.g. "quiet", "team") that desks belong to; utilisation is also reported per zone.</summary>
public sealed class Zone
{
    /// <summary>Unique within its space; the key is (SpaceId, Id). Travels as an InfluxDB tag.</summary>
    public required string Id { get; set; }

    public required string SpaceId { get; set; }

    public required string Name { get; set; }
}
