using System.Security.Cryptography;
using System.Text;

namespace Occupancy.Edge.Devices;

/// <summary>
/// Generates and hashes device secrets. Secrets are 256 random bits made by the edge or the
/// server, not passwords people choose, so a salted SHA-256 cannot be brute-forced and keeps
/// a login check cheap when a whole floor of sensors reconnects at once.
/// </summary>
public static class DeviceSecrets
{
    public static string Generate() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static DeviceCredential Hash(string deviceId, string secret)
    {
        byte[] salt = RandomNumberGenerator.GetBytes(16);
        return new DeviceCredential(deviceId, Convert.ToBase64String(salt), Convert.ToBase64String(Digest(salt, secret)));
    }

    public static bool Matches(DeviceCredential credential, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return false;
        }

        byte[] expected = Convert.FromBase64String(credential.Hash);
        byte[] actual = Digest(Convert.FromBase64String(credential.Salt), secret);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private static byte[] Digest(byte[] salt, string secret) => SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(secret)]);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
