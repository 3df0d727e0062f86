namespace Occupancy.Firmware.Contract
{
    /// <summary>
    /// What someone presented at a door reader. The reader does not interpret it: the edge decides.
    /// <c>card</c>: the card's UID, lower-case hex, 4 to 10 bytes. <c>code</c>: the rotating code
    /// from a member's phone, 1 to 64 printable ASCII characters, format defined by the edge.
    /// </summary>
    public sealed class Credential
    {
        public const string Card = "card";
        public const string Code = "code";
        public const int MaxCodeLength = 64;

        public Credential(string type, string value)
        {
            Type = type;
            Value = value;
        }

        public string Type { get; }

        public string Value { get; }

        /// <summary>A card credential from a UID read by the reader (any case; stored lower-case).</summary>
        public static Credential FromCardUid(byte[] uid) => new Credential(Card, Security.Hex.Encode(uid));

        public static bool IsValid(string type, string value)
        {
            if (type == Card)
            {
                return value != null && value.Length >= 8 && value.Length <= 20 && Security.Hex.IsLowerHex(value, value.Length);
            }

            if (type == Code)
            {
                if (value == null || value.Length == 0 || value.Length > MaxCodeLength)
                {
                    return false;
                }

                for (int i = 0; i < value.Length; i++)
                {
                    if (value[i] < '!' || value[i] > '~')
                    {
                        return false;
                    }
                }

                return true;
            }

            return false;
        }

        public bool IsValid() => IsValid(Type, Value);

        public bool SameAs(Credential other) => other != null && other.Type == Type && other.Value == Value;
    }
}
