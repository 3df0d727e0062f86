namespace Occupancy.Edge.Occupancy;

/// <summary>What the edge knows of one desk now.</summary>
public sealed record DeskStatus(string DeskId, string State, long TimestampMs, long LastSeq);
