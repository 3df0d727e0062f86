using System.Security.Cryptography;
using System.Text;

namespace Occupancy.Server.Authentication;

/// <summary>
/// A device's secret: 256 random bits, shown once, kept only as a salted SHA-256 (base64 salt, base64 hash over
/// salt + UTF-8 secret) — the form the edge's device registry verifies, so the hash can be replicated to it.
/// A slow password hash is not needed: the secret is random, not chosen by a person.
/// </summary>
public sealed record DeviceSecret(string Secret, string Salt, string Hash)
{
    public static DeviceSecret Generate()
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var salt = RandomNumberGenerator.GetBytes(16);
        return new DeviceSecret(secret, Convert.ToBase64String(salt), Convert.ToBase64String(Digest(salt, secret)));
    }

    public static bool Matches(string salt, string hash, string? secret) =>
        !string.IsNullOrEmpty(secret)
        && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(hash), Digest(Convert.FromBase64String(salt), secret));

    private static byte[] Digest(byte[] salt, string secret) => SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(secret)]);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
