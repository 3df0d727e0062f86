using Occupancy.Uplink;

namespace Occupancy.Server.Authentication;

/// <summary>
/// A newly issued device secret, shown once, and the salted hash that is all the server keeps —
/// in the form the edge's device registry verifies (<see cref="DeviceSecretHashing"/>), so the
/// hash can be replicated to it.
/// </summary>
public sealed record DeviceSecret(string Secret, string Salt, string Hash)
{
    public static DeviceSecret Generate()
    {
        string secret = DeviceSecretHashing.Generate();
        var (salt, hash) = DeviceSecretHashing.Hash(secret);
        return new DeviceSecret(secret, salt, hash);
    }

    public static bool Matches(string salt, string hash, string? secret) => DeviceSecretHashing.Matches(salt, hash, secret);
}
