namespace Occupancy.Edge.Outbox;

/// <summary>How the outbox is doing, for readiness: whether the disk takes writes, and what waits for it.</summary>
public sealed record OutboxStatus(
    bool Failing,
    string? LastError,
    DateTimeOffset? FailingSince,
    long LastAppendedLsn,
    long DurableLsn,
    long PendingBytes,
    int Segments);
