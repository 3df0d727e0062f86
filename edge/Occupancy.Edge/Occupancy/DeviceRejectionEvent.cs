namespace Occupancy.Edge.Occupancy;

/// <summary>
/// A device refused something the edge sent it: a configuration (<see cref="Subject"/> <c>config</c>,
/// with the revision and field) or a command (<c>command</c>, with its nonce).
/// </summary>
public sealed record DeviceRejectionEvent(
    string Kind,
    string DeviceId,
    string Subject,
    string Reason,
    string Field,
    string Detail,
    long ConfigRev,
    string Nonce,
    long TimestampMs,
    long Seq) : EdgeEvent
{
    public const string ConfigSubject = "config";
    public const string CommandSubject = "command";
}
