namespace Occupancy.Uplink;

/// <summary>
/// One entry of a site's access log as the edge forwards it: a door decision (<see cref="Decision"/>: granted, or
/// denied with <paramref name="Reason"/>) or a door alarm (<see cref="Alarm"/> raised, <see cref="AlarmCleared"/>;
/// <paramref name="Reason"/> names it: forced, held-open, repeated-denial). <paramref name="EventId"/> is built from
/// what the door reader sent (kind, door, its timestamp and sequence number), so the same event forwarded twice,
/// even by an edge that lost its data folder, has the same id and is stored once. <paramref name="Member"/> is the
/// member's pseudonym (<see cref="CredentialHashing.MemberPseudonym"/>) or empty, never a name or card number.
/// </summary>
public sealed record AccessEvent(string EventId, string Kind, string DoorId, bool Granted, string Reason, string Member, long TimestampMs)
{
    public const string Decision = "decision";
    public const string Alarm = "alarm";
    public const string AlarmCleared = "alarm-cleared";

    public static string IdOf(string kind, string doorId, long timestampMs, long seq) => $"{kind}:{doorId}:{timestampMs}:{seq}";
}
