namespace Occupancy.Uplink;

/// <summary>
/// A member's pass at this site: which doors (none listed = every door of the site), when
/// (weekly windows, valid from/to in epoch ms), and whether it is suspended, revoked, or an
/// admin's (admins pass a lockdown).
/// </summary>
public sealed record AccessPass(
    string PassId,
    string Member,
    string[] DoorIds,
    AccessWindow[] Windows,
    long ValidFromMs,
    long ValidToMs,
    bool Suspended,
    bool Revoked,
    bool IsAdmin);
