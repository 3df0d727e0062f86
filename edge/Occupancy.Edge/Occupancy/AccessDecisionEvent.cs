namespace Occupancy.Edge.Occupancy;

/// <summary>
/// The edge's answer to a door request. <see cref="Member"/> is the member's pseudonym (empty when
/// the credential was unknown): never a card number or a code.
/// </summary>
public sealed record AccessDecisionEvent(string DoorId, bool Granted, string Reason, string Member, string Nonce, long TimestampMs, long Seq) : EdgeEvent;
