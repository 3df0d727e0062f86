using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Occupancy.Server.Authentication;

/// <summary>Finds the site a presented key belongs to, in time that reveals neither the site nor the key.</summary>
public sealed class SiteKeyVerifier(IOptionsMonitor<EdgeKeysOptions> options)
{
    public string? FindSite(string presentedKey)
    {
        // Comparing fixed-length hashes hides the keys' lengths; comparing against every key without
        // stopping at a match hides which site matched.
        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey), presented);

        string? site = null;
        foreach (var (siteId, key) in options.CurrentValue.Keys)
        {
            SHA256.HashData(Encoding.UTF8.GetBytes(key), expected);
            if (CryptographicOperations.FixedTimeEquals(presented, expected) && key.Length > 0)
            {
                site = siteId;
            }
        }

        return site;
    }
}
