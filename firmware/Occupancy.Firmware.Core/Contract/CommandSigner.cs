using Occupancy.Firmware.Security;

namespace Occupancy.Firmware.Contract
{
    /// <summary>
    /// Signs and verifies unlock commands with a door's secret key (HMAC-SHA256). The edge signs;
    /// the door reader verifies. Both compile this same class, so the canonical string cannot drift.
    /// </summary>
    public sealed class CommandSigner
    {
        /// <summary>Keys shorter than this are refused: 32 random bytes is what installers provision.</summary>
        public const int MinKeyLength = 16;

        /// <summary>The first line of every signed string, so a signature can never be reused for another kind of message.</summary>
        public const string Domain = "occupancy/v1/cmd/unlock";

        private readonly byte[] _key;

        public CommandSigner(byte[] key)
        {
            if (key == null || key.Length < MinKeyLength)
            {
                throw new System.ArgumentException("a door key of at least 16 bytes is required");
            }

            _key = new byte[key.Length];
            System.Array.Copy(key, _key, key.Length);
        }

        /// <summary>
        /// The bytes that are signed, as text: the domain, door id, nonce, decision, unlock ms and
        /// expiry, one per line, separated by '\n' with no trailing newline. Every part is ASCII.
        /// </summary>
        public static string CanonicalString(string doorId, string nonce, string decision, long unlockMs, long expiresAtMs)
        {
            return Domain + "\n" + doorId + "\n" + nonce + "\n" + decision + "\n" + unlockMs.ToString() + "\n" + expiresAtMs.ToString();
        }

        /// <summary>The signature (64 lower-case hex digits) of a command with these fields.</summary>
        public string Sign(string doorId, string nonce, string decision, long unlockMs, long expiresAtMs)
        {
            return Hex.Encode(Mac(doorId, nonce, decision, unlockMs, expiresAtMs));
        }

        /// <summary>A signed grant: the door opens for <paramref name="unlockMs"/> (0 = the reader's configured time).</summary>
        public UnlockCommand Grant(string doorId, string nonce, long unlockMs, long expiresAtMs)
        {
            return new UnlockCommand(doorId, nonce, Decisions.Grant, unlockMs, expiresAtMs, Sign(doorId, nonce, Decisions.Grant, unlockMs, expiresAtMs));
        }

        /// <summary>A signed deny: the door stays locked and the reader shows red.</summary>
        public UnlockCommand Deny(string doorId, string nonce, long expiresAtMs)
        {
            return new UnlockCommand(doorId, nonce, Decisions.Deny, 0, expiresAtMs, Sign(doorId, nonce, Decisions.Deny, 0, expiresAtMs));
        }

        /// <summary>
        /// The signed answer to <paramref name="request"/> from door <paramref name="doorId"/>. Its expiry is
        /// the request's own <c>ts</c> plus <see cref="UnlockCommand.DefaultLifetimeMs"/>: in the reader's
        /// clock, so a reader whose clock is off from the edge's still accepts a timely answer.
        /// </summary>
        public UnlockCommand Answer(string doorId, AccessRequestMessage request, bool grant, long unlockMs)
        {
            long expiresAtMs = request.Header.TimestampMs + UnlockCommand.DefaultLifetimeMs;
            return grant ? Grant(doorId, request.Nonce, unlockMs, expiresAtMs) : Deny(doorId, request.Nonce, expiresAtMs);
        }

        /// <summary>True when the command's signature is this key's over its own fields (compared in fixed time).</summary>
        public bool Verify(UnlockCommand command)
        {
            if (command == null || !Hex.IsLowerHex(command.Signature, UnlockCommand.SignatureTextLength))
            {
                return false;
            }

            byte[] claimed;
            if (!Hex.TryDecode(command.Signature, out claimed))
            {
                return false;
            }

            byte[] expected = Mac(command.Door, command.Nonce, command.Decision, command.UnlockMs, command.ExpiresAtMs);
            return expected != null && HmacSha256.FixedTimeEquals(expected, claimed);
        }

        private byte[] Mac(string doorId, string nonce, string decision, long unlockMs, long expiresAtMs)
        {
            byte[] message;
            if (!Ascii.TryGetBytes(CanonicalString(doorId, nonce, decision, unlockMs, expiresAtMs), out message))
            {
                // Only a command outside the contract can carry non-ASCII; it can never verify.
                return null!;
            }

            return HmacSha256.Compute(_key, message);
        }
    }
}
