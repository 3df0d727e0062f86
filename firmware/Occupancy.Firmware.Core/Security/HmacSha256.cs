namespace Occupancy.Firmware.Security
{
    /// <summary>HMAC-SHA256 (RFC 2104, FIPS 198-1) over <see cref="Sha256"/>.</summary>
    public static class HmacSha256
    {
        public static byte[] Compute(byte[] key, byte[] message)
        {
            if (key == null || message == null)
            {
                throw new System.ArgumentNullException(key == null ? "key" : "message");
            }

            // Keys longer than a block are hashed first; shorter ones are zero-padded.
            byte[] blockKey = new byte[Sha256.BlockLength];
            byte[] shortKey = key.Length > Sha256.BlockLength ? Sha256.Hash(key) : key;
            System.Array.Copy(shortKey, blockKey, shortKey.Length);

            byte[] pad = new byte[Sha256.BlockLength];
            for (int i = 0; i < pad.Length; i++)
            {
                pad[i] = (byte)(blockKey[i] ^ 0x36);
            }

            var sha = new Sha256();
            sha.Append(pad, 0, pad.Length);
            sha.Append(message, 0, message.Length);
            byte[] inner = sha.Finish();

            for (int i = 0; i < pad.Length; i++)
            {
                pad[i] = (byte)(blockKey[i] ^ 0x5c);
            }

            sha.Append(pad, 0, pad.Length);
            sha.Append(inner, 0, inner.Length);
            return sha.Finish();
        }

        /// <summary>Compares two MACs in time that does not depend on where they differ.</summary>
        public static bool FixedTimeEquals(byte[] a, byte[] b)
        {
            if (a == null || b == null || a.Length != b.Length)
            {
                return false;
            }

            int difference = 0;
            for (int i = 0; i < a.Length; i++)
            {
                difference |= a[i] ^ b[i];
            }

            return difference == 0;
        }
    }
}
