using Occupancy.Server.Models.Admin;

namespace Occupancy.Server.Models.Me;

/// <summary>
/// Everything the server holds about a member, for them to download. Phone-code secrets are listed but not
/// included: a secret is a door key, and a downloaded file must not open doors. Door decisions are recorded at
/// the edges under a keyed pseudonym, not the member's name or card, and are not part of this file.
/// </summary>
public sealed record MemberExport(
    DateTimeOffset ExportedAt,
    AccountView? Account,
    MemberProfileView Member,
    DateTimeOffset MemberSince,
    PassView[] Passes,
    CredentialView[] Credentials,
    CheckInView[] CheckIns);
