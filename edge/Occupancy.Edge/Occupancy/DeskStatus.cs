namespace Occupancy.Edge.Occupancy;

/// <summary>
/// What the edge knows of one desk now. <paramref name="Lsn"/> is the outbox record that set the
/// state, so an acknowledgement that relies on it can wait until that record is on disk.
/// <paramref name="LastReported"/> is the last state the sensor itself reported (free or occupied),
/// kept while the desk is unknown so that a heartbeat can bring it back.
/// </summary>
public sealed record DeskStatus(string DeskId, string State, long TimestampMs, long LastSeq, long Lsn = 0, string? LastReported = null);
