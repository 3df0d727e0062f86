namespace Occupancy.Server.Data;

/// <summary>
/// Something a member opens doors with: a card (its UID, weak and cloneable) or a rotating phone code
/// (an HMAC time code over <see cref="PhoneSecret"/>, which the edges need to verify codes).
/// </summary>
public sealed class MemberCredential
{
    public Guid Id { get; set; }

    public Guid MemberId { get; set; }

    /// <summary><see cref="CredentialKinds.Card"/> or <see cref="CredentialKinds.PhoneCode"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>Upper-case hex, for cards; unique across the network.</summary>
    public string? CardUid { get; set; }

    /// <summary>Base64 of 20 random bytes, for phone codes.</summary>
    public string? PhoneSecret { get; set; }

    public string Label { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
