namespace Occupancy.Uplink;

/// <summary>
/// A door as access decisions need it. <paramref name="Mode"/> is "normal", "lockdown" (admins
/// only) or "free" (anyone during <paramref name="FreeAccess"/>, e.g. staffed hours).
/// Optionally one side of an in/out pair for anti-passback: <paramref name="Direction"/> "in" or
/// "out", and <paramref name="PairedDoorId"/> the door of the other direction; a member then
/// cannot pass the same way twice in a row (a card handed back through the door).
/// </summary>
public sealed record DoorAccess(
    string DoorId,
    string DeviceId,
    int UnlockMs,
    string Mode,
    AccessWindow[] FreeAccess,
    string? PairedDoorId = null,
    string? Direction = null)
{
    public const string In = "in";
    public const string Out = "out";
}
