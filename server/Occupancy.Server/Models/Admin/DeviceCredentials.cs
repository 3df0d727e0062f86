namespace Occupancy.Server.Models.Admin;

/// <summary>
/// A newly issued device secret: shown in this answer only, never again (the server keeps a salted hash).
/// The device logs in to its site's broker with client id and username <paramref name="DeviceId"/> and this secret as password.
/// </summary>
public sealed record DeviceCredentials(string SpaceId, string DeviceId, string Kind, string Secret, DateTimeOffset IssuedAt);
