namespace Occupancy.Uplink;

/// <summary>
/// Something a member presents at a reader. For a card, <paramref name="CardHash"/> is the
/// keyed hash of its UID (see <see cref="CredentialHashing"/>); for a phone,
/// <paramref name="PhoneSecret"/> is the base64 secret of its rotating code.
/// </summary>
public sealed record AccessCredential(string CredentialId, string Member, string Kind, string? CardHash, string? PhoneSecret, bool Revoked)
{
    public const string Card = "card";
    public const string Phone = "phone";
}
