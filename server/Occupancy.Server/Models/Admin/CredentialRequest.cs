namespace Occupancy.Server.Models.Admin;

/// <summary>Issues a credential: kind "card" with its UID (hex, as the reader reports it) or "phone-code" (a secret is generated).</summary>
public sealed record CredentialRequest(string? Kind, string? CardUid, string? Label);
