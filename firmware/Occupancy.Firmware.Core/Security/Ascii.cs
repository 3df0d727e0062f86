namespace Occupancy.Firmware.Security
{
    /// <summary>
    /// ASCII bytes of a string. The device has no Encoding class in its core library, and every
    /// string that is signed (ids, hex nonces, words, digits) is ASCII by contract.
    /// </summary>
    public static class Ascii
    {
        /// <summary>False when the text has a character outside 0-127.</summary>
        public static bool TryGetBytes(string text, out byte[] bytes)
        {
            bytes = null!;
            byte[] result = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c > 127)
                {
                    return false;
                }

                result[i] = (byte)c;
            }

            bytes = result;
            return true;
        }
    }
}
