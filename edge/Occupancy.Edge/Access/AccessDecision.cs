namespace Occupancy.Edge.Access;

/// <summary>A door decision: granted or not, why, and the member's pseudonym when the credential was known.</summary>
public sealed record AccessDecision(bool Granted, string Reason, string? Member, string? PassId)
{
    public static AccessDecision Deny(string reason, string? member = null) => new(false, reason, member, null);
}
