namespace Occupancy.Uplink;

/// <summary>
/// A door as access decisions need it. <paramref name="Mode"/> is "normal", "lockdown" (admins
/// only) or "free" (anyone during <paramref name="FreeAccess"/>, e.g. staffed hours).
/// </summary>
public sealed record DoorAccess(string DoorId, string DeviceId, int UnlockMs, string Mode, AccessWindow[] FreeAccess);
