namespace Occupancy.Firmware.Contract
{
    /// <summary>Request nonces: 16 random bytes as 32 lower-case hex digits, fresh for every tap.</summary>
    public static class Nonces
    {
        public const int ByteLength = 16;
        public const int TextLength = 32;

        public static bool IsValid(string nonce) => Security.Hex.IsLowerHex(nonce, TextLength);

        public static string New(Device.IRandomSource random)
        {
            byte[] bytes = new byte[ByteLength];
            random.NextBytes(bytes);
            return Security.Hex.Encode(bytes);
        }
    }
}
