using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Occupancy.Uplink;

/// <summary>
/// The rotating phone code a member's pass page shows as a QR code: <c>{credentialId}.{code}</c>,
/// where the code is an HMAC-based time code (RFC 6238 style, SHA-256, 30-second steps, 8
/// digits) over the credential's secret. The server makes them; the edge checks them.
/// </summary>
public static class PhoneCodes
{
    public const int StepSeconds = 30;
    public const int Digits = 8;

    public static long StepAt(long unixMs) => Math.DivRem(unixMs, StepSeconds * 1000L).Quotient;

    public static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        byte[] mac = HMACSHA256.HashData(secret, counter);
        int offset = mac[^1] & 0x0f;
        int binary = BinaryPrimitives.ReadInt32BigEndian(mac.AsSpan(offset, 4)) & 0x7fffffff;
        return (binary % 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Presented(string credentialId, byte[] secret, long unixMs) => credentialId + "." + Code(secret, StepAt(unixMs));

    /// <summary>Splits what a reader scanned into credential id and code; false if it is not a phone code.</summary>
    public static bool TrySplit(string presented, out string credentialId, out string code)
    {
        int dot = presented.LastIndexOf('.');
        credentialId = dot > 0 ? presented[..dot] : "";
        code = dot > 0 ? presented[(dot + 1)..] : "";
        return dot > 0 && code.Length == Digits && code.All(char.IsAsciiDigit);
    }
}
