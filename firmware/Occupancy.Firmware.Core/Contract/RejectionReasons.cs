namespace Occupancy.Firmware.Contract
{
    /// <summary>
    /// Why a device refused a configuration (<c>evt/config-rejected</c>) or a command
    /// (<c>evt/command-rejected</c>). Plain strings: enum names never go on the wire.
    /// </summary>
    public static class RejectionReasons
    {
        /// <summary>Not a flat JSON object the contract accepts.</summary>
        public const string Malformed = "malformed";

        /// <summary>A required field is absent.</summary>
        public const string Missing = "missing";

        /// <summary>A field has the wrong JSON type (e.g. a string where an integer belongs).</summary>
        public const string WrongType = "wrong-type";

        /// <summary>A number outside its documented range.</summary>
        public const string OutOfRange = "out-of-range";

        /// <summary>Fields that are each valid but do not fit together.</summary>
        public const string Inconsistent = "inconsistent";

        /// <summary>A command arrived as a retained message: commands are never retained.</summary>
        public const string Retained = "retained";

        /// <summary>The command names another door.</summary>
        public const string WrongDoor = "wrong-door";

        /// <summary>The HMAC does not match: forged, or signed with another key.</summary>
        public const string BadSignature = "bad-signature";

        /// <summary>The command's expiry has passed.</summary>
        public const string Expired = "expired";

        /// <summary>The expiry lies further ahead than any genuine command's.</summary>
        public const string ExpiryTooFar = "expiry-too-far";

        /// <summary>The nonce was already answered: a replay.</summary>
        public const string Replayed = "replayed";

        /// <summary>The answer came after the reader stopped waiting for it.</summary>
        public const string Late = "late";

        /// <summary>The nonce is not one this reader asked about.</summary>
        public const string UnknownNonce = "unknown-nonce";
    }
}
