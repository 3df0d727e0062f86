using Occupancy.Firmware.Json;

namespace Occupancy.Firmware.Contract
{
    /// <summary>
    /// A door reader's settings on its retained <c>.../door/{id}/config</c> topic, published by the edge:
    /// <c>{"rev":3,"unlockMs":5000,"decisionTimeoutMs":1500,"heldOpenMs":30000,"failSafe":false,"heartbeatMs":300000}</c>.
    /// Only <c>rev</c> is required; an absent field means the firmware default. One invalid field
    /// rejects the whole message.
    /// </summary>
    public sealed class DoorConfigMessage
    {
        public const string UnlockField = "unlockMs";
        public const string DecisionTimeoutField = "decisionTimeoutMs";
        public const string HeldOpenField = "heldOpenMs";
        public const string FailSafeField = "failSafe";

        public const int DefaultUnlockMs = 5000;
        public const int MinUnlockMs = 1000;
        public const int MaxUnlockMs = 60000;

        public const int DefaultDecisionTimeoutMs = 1500;
        public const int MinDecisionTimeoutMs = 200;
        public const int MaxDecisionTimeoutMs = 10000;

        public const int DefaultHeldOpenMs = 30000;
        public const int MinHeldOpenMs = 5000;
        public const int MaxHeldOpenMs = 3600000;

        public DoorConfigMessage(long rev, int unlockMs, int decisionTimeoutMs, int heldOpenMs, bool failSafe, int heartbeatMs)
        {
            Rev = rev;
            UnlockMs = unlockMs;
            DecisionTimeoutMs = decisionTimeoutMs;
            HeldOpenMs = heldOpenMs;
            FailSafe = failSafe;
            HeartbeatMs = heartbeatMs;
        }

        public long Rev { get; }

        public int UnlockMs { get; }

        public int DecisionTimeoutMs { get; }

        public int HeldOpenMs { get; }

        /// <summary>True: a request the edge does not answer in time unlocks the door (fire-code doors). False (default): it stays locked.</summary>
        public bool FailSafe { get; }

        public int HeartbeatMs { get; }

        public string Encode()
        {
            return new JsonObjectWriter()
                .Add(ConfigFields.Rev, Rev)
                .Add(UnlockField, UnlockMs)
                .Add(DecisionTimeoutField, DecisionTimeoutMs)
                .Add(HeldOpenField, HeldOpenMs)
                .Add(FailSafeField, FailSafe)
                .Add(ConfigFields.HeartbeatMs, HeartbeatMs)
                .ToString();
        }

        /// <summary>Reads and validates a configuration; on failure <paramref name="rejection"/> says which field and why.</summary>
        public static bool TryDecode(string payload, out DoorConfigMessage config, out ConfigRejection rejection)
        {
            config = null!;
            rejection = null!;
            FlatJsonObject json;
            string error;
            if (!FlatJsonObject.TryParse(payload, out json, out error))
            {
                rejection = ConfigRejection.Malformed(error);
                return false;
            }

            var fields = new FieldReader(json);
            long rev = fields.Required(ConfigFields.Rev, ConfigFields.MinRev, ConfigFields.MaxRev);
            long unlock = fields.Optional(UnlockField, MinUnlockMs, MaxUnlockMs, DefaultUnlockMs);
            long timeout = fields.Optional(DecisionTimeoutField, MinDecisionTimeoutMs, MaxDecisionTimeoutMs, DefaultDecisionTimeoutMs);
            long heldOpen = fields.Optional(HeldOpenField, MinHeldOpenMs, MaxHeldOpenMs, DefaultHeldOpenMs);
            bool failSafe = fields.OptionalBool(FailSafeField, false);
            long heartbeat = fields.Optional(ConfigFields.HeartbeatMs, ConfigFields.MinHeartbeatMs, ConfigFields.MaxHeartbeatMs, ConfigFields.DefaultHeartbeatMs);
            if (!fields.Failed && heldOpen <= unlock)
            {
                // Every granted entry would raise a held-open alarm before the lock even closed.
                fields.Fail(HeldOpenField, RejectionReasons.Inconsistent, "'heldOpenMs' must be longer than 'unlockMs'");
            }

            if (fields.Failed)
            {
                rejection = ConfigRejection.From(json, fields);
                return false;
            }

            config = new DoorConfigMessage(rev, (int)unlock, (int)timeout, (int)heldOpen, failSafe, (int)heartbeat);
            return true;
        }
    }
}
