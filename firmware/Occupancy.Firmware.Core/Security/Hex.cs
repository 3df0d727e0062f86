namespace Occupancy.Firmware.Security
{
    /// <summary>Lower-case hexadecimal for keys, nonces and signatures on the wire.</summary>
    public static class Hex
    {
        private const string Digits = "0123456789abcdef";

        public static string Encode(byte[] bytes)
        {
            char[] chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = Digits[bytes[i] >> 4];
                chars[(2 * i) + 1] = Digits[bytes[i] & 0x0f];
            }

            return new string(chars);
        }

        /// <summary>Decodes upper- or lower-case hex; false for an odd length or any other character.</summary>
        public static bool TryDecode(string text, out byte[] bytes)
        {
            bytes = null!;
            if (text == null || text.Length % 2 != 0)
            {
                return false;
            }

            byte[] result = new byte[text.Length / 2];
            for (int i = 0; i < result.Length; i++)
            {
                int high = Value(text[2 * i]);
                int low = Value(text[(2 * i) + 1]);
                if (high < 0 || low < 0)
                {
                    return false;
                }

                result[i] = (byte)((high << 4) | low);
            }

            bytes = result;
            return true;
        }

        /// <summary>True when <paramref name="text"/> is exactly <paramref name="length"/> lower-case hex digits.</summary>
        public static bool IsLowerHex(string text, int length)
        {
            if (text == null || text.Length != length)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
                {
                    return false;
                }
            }

            return true;
        }

        private static int Value(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }
    }
}
