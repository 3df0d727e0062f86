namespace Occupancy.Firmware.Simulator.Day;

/// <summary>
/// A member of the simulated space: a card (7-byte UID, as NTAG/DESFire cards have), maybe the
/// phone app, how regularly they come, the desk they like, and the pass the access-control
/// data should give them (see <c>--members-out</c>).
/// </summary>
public sealed record SimulatedMember(string MemberId, string CardUid, bool UsesPhone, PassStatus Pass, double Regularity, int FavouriteDesk)
{
    /// <summary>The opaque code the phone shows at a given moment (the real format is the access-control side's).</summary>
    public string PhoneCode(long utcMs) => $"sim:{MemberId}:{(utcMs / 30_000) % 1_000_000:D6}";
}
