using System.Security.Cryptography;
using System.Text;

namespace Occupancy.Uplink;

/// <summary>
/// Device secrets and the one form they are stored in, shared so that a hash the server makes
/// when it provisions a device is one the edge's registry can verify. Secrets are 256 random
/// bits, not passwords people choose, so a salted SHA-256 (base64 salt, base64 hash over salt +
/// UTF-8 secret) cannot be brute-forced and keeps a login check cheap when a whole floor of
/// sensors reconnects at once.
/// </summary>
public static class DeviceSecretHashing
{
    public static string Generate() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static (string Salt, string Hash) Hash(string secret)
    {
        byte[] salt = RandomNumberGenerator.GetBytes(16);
        return (Convert.ToBase64String(salt), Convert.ToBase64String(Digest(salt, secret)));
    }

    public static bool Matches(string salt, string hash, string? secret) =>
        !string.IsNullOrEmpty(secret)
        && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(hash), Digest(Convert.FromBase64String(salt), secret));

    private static byte[] Digest(byte[] salt, string secret) => SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(secret)]);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
