using System.Security.Cryptography;
using System.Text;

namespace Occupancy.Uplink;

/// <summary>
/// Card UIDs never travel or rest in clear: the server and the edges hash them with the
/// network's key, so a replica or an audit record names no card number.
/// </summary>
public static class CredentialHashing
{
    public static string CardHash(byte[] networkKey, string cardUid) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(networkKey, Encoding.UTF8.GetBytes("card:" + cardUid.Trim().ToLowerInvariant())));

    /// <summary>The pseudonym that stands for a member in audit records and InfluxDB.</summary>
    public static string MemberPseudonym(byte[] networkKey, string memberId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(networkKey, Encoding.UTF8.GetBytes("member:" + memberId)))[..16];
}
