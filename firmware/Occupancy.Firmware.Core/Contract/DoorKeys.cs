using Occupancy.Firmware.Security;

namespace Occupancy.Firmware.Contract
{
    /// <summary>
    /// Door keys. Each door reader has its own secret key (32 random bytes, provisioned as 64 hex
    /// digits). A site may instead derive every door's key from one site master key with
    /// <see cref="Derive"/>, so the edge stores one secret and a leaked reader exposes only its own door.
    /// </summary>
    public static class DoorKeys
    {
        public const int Length = 32;

        private const string DerivationLabel = "occupancy/v1/door-key\n";

        /// <summary>HMAC-SHA256(masterKey, "occupancy/v1/door-key\n" + doorId).</summary>
        public static byte[] Derive(byte[] masterKey, string doorId)
        {
            byte[] label;
            if (masterKey == null || masterKey.Length < CommandSigner.MinKeyLength || !Ids.IsValid(doorId) || !Ascii.TryGetBytes(DerivationLabel + doorId, out label))
            {
                throw new System.ArgumentException("a master key of at least 16 bytes and a valid door id are required");
            }

            return HmacSha256.Compute(masterKey, label);
        }

        /// <summary>Reads a key written as hex (at least 16 bytes).</summary>
        public static bool TryParse(string hex, out byte[] key)
        {
            return Hex.TryDecode(hex, out key) && key.Length >= CommandSigner.MinKeyLength;
        }
    }
}
