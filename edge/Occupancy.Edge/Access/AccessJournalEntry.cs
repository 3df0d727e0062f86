namespace Occupancy.Edge.Access;

/// <summary>
/// One line of the access journal: a door decision with the answer sent for it (<see cref="Nonce"/> set),
/// or a phone code a door accepted (<see cref="CodeCredential"/> set). <see cref="OutboxLsn"/> is the
/// outbox record the decision was also appended to, so a restart can tell whether it reached the outbox.
/// </summary>
public sealed record AccessJournalEntry(
    long AtMs,
    string DoorId,
    string? Nonce = null,
    long Seq = 0,
    long OutboxLsn = 0,
    bool Granted = false,
    string Reason = "",
    string Member = "",
    string? PassId = null,
    long RequestTimestampMs = 0,
    bool Alarm = false,
    string Command = "",
    string CommandTopic = "",
    string? CodeCredential = null,
    long CodeStep = 0)
{
    public bool IsDecision => Nonce is not null;
}
