using Occupancy.Firmware.Json;

namespace Occupancy.Firmware.Contract
{
    /// <summary>
    /// The edge's signed answer to an access request, on <c>.../door/{id}/cmd/unlock</c> (QoS 1,
    /// never retained): <c>{"door":"reader-front","nonce":"…","decision":"grant","unlockMs":5000,"exp":1767225605000,"sig":"…(64 hex)"}</c>.
    /// <c>sig</c> is HMAC-SHA256 with the door's key over <see cref="CommandSigner.CanonicalString"/>;
    /// create commands with <see cref="CommandSigner"/>. A deny carries <c>unlockMs</c> 0.
    /// </summary>
    public sealed class UnlockCommand
    {
        public const string DoorField = "door";
        public const string NonceField = "nonce";
        public const string DecisionField = "decision";
        public const string UnlockField = "unlockMs";
        public const string ExpiresField = "exp";
        public const string SignatureField = "sig";

        /// <summary>How far ahead the edge should set <c>exp</c>: long enough for a slow network, short enough to be useless later.</summary>
        public const long DefaultLifetimeMs = 5000;

        /// <summary>A reader refuses a command whose expiry lies further ahead than this (<c>expiry-too-far</c>).</summary>
        public const long MaxLifetimeMs = 60000;

        public const int SignatureTextLength = 64;

        public UnlockCommand(string door, string nonce, string decision, long unlockMs, long expiresAtMs, string signature)
        {
            Door = door;
            Nonce = nonce;
            Decision = decision;
            UnlockMs = unlockMs;
            ExpiresAtMs = expiresAtMs;
            Signature = signature;
        }

        /// <summary>The door reader's device id.</summary>
        public string Door { get; }

        /// <summary>The nonce of the access request this answers.</summary>
        public string Nonce { get; }

        /// <summary><see cref="Decisions.Grant"/> or <see cref="Decisions.Deny"/>.</summary>
        public string Decision { get; }

        /// <summary>How long to release the lock (ms); 0 with a deny, or with a grant to use the reader's configured time.</summary>
        public long UnlockMs { get; }

        /// <summary>UTC epoch ms after which the reader ignores the command.</summary>
        public long ExpiresAtMs { get; }

        /// <summary>64 lower-case hex digits.</summary>
        public string Signature { get; }

        public bool IsGrant => Decision == Decisions.Grant;

        public string Encode()
        {
            return new JsonObjectWriter()
                .Add(DoorField, Door)
                .Add(NonceField, Nonce)
                .Add(DecisionField, Decision)
                .Add(UnlockField, UnlockMs)
                .Add(ExpiresField, ExpiresAtMs)
                .Add(SignatureField, Signature)
                .ToString();
        }

        /// <summary>Reads a command's fields and checks their form (not the signature: see <see cref="CommandSigner.Verify"/>).</summary>
        public static bool TryDecode(string payload, out UnlockCommand command, out string error)
        {
            command = null!;
            FlatJsonObject json;
            if (!FlatJsonObject.TryParse(payload, out json, out error))
            {
                return false;
            }

            string door;
            string nonce;
            string decision;
            string signature;
            if (!json.TryGetString(DoorField, out door) || !Ids.IsValid(door))
            {
                error = "'door' must be a device id";
                return false;
            }

            if (!json.TryGetString(NonceField, out nonce) || !Nonces.IsValid(nonce))
            {
                error = "'nonce' must be 32 lower-case hex digits";
                return false;
            }

            if (!json.TryGetString(DecisionField, out decision) || !Decisions.IsKnown(decision))
            {
                error = "'decision' must be \"grant\" or \"deny\"";
                return false;
            }

            var fields = new FieldReader(json);
            long unlockMs = fields.Required(UnlockField, 0, DoorConfigMessage.MaxUnlockMs);
            long expires = fields.Required(ExpiresField, 1, long.MaxValue);
            if (fields.Failed)
            {
                error = fields.Error;
                return false;
            }

            if (decision == Decisions.Deny && unlockMs != 0)
            {
                error = "a deny must carry 'unlockMs' 0";
                return false;
            }

            if (decision == Decisions.Grant && unlockMs != 0 && unlockMs < DoorConfigMessage.MinUnlockMs)
            {
                error = "a grant's 'unlockMs' must be 0 (the reader's own) or from " + DoorConfigMessage.MinUnlockMs.ToString() + " to " + DoorConfigMessage.MaxUnlockMs.ToString();
                return false;
            }

            if (!json.TryGetString(SignatureField, out signature) || !Security.Hex.IsLowerHex(signature, SignatureTextLength))
            {
                error = "'sig' must be 64 lower-case hex digits";
                return false;
            }

            command = new UnlockCommand(door, nonce, decision, unlockMs, expires, signature);
            error = null!;
            return true;
        }
    }
}
