namespace Occupancy.Server.Models.Admin;

/// <summary>A credential. <paramref name="Secret"/> (phone codes) is set only in the answer that issued it.</summary>
public sealed record CredentialView(Guid Id, Guid MemberId, string Kind, string? CardUid, string Label, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, string? Secret = null);
