using Occupancy.Firmware.Contract;

namespace Occupancy.Firmware.Door
{
    /// <summary>
    /// A door reader's settings. The first five come from the contract's defaults and may be
    /// changed by the retained <c>config</c> topic (<see cref="DoorConfigMessage"/>); the feedback
    /// timings are local.
    /// </summary>
    public sealed class DoorReaderOptions
    {
        /// <summary>How long a grant releases the lock, unless the command says otherwise.</summary>
        public int UnlockMs { get; set; } = DoorConfigMessage.DefaultUnlockMs;

        /// <summary>How long the reader waits for the edge's decision after a tap.</summary>
        public int DecisionTimeoutMs { get; set; } = DoorConfigMessage.DefaultDecisionTimeoutMs;

        /// <summary>An open door raises "held open" after this long.</summary>
        public int HeldOpenMs { get; set; } = DoorConfigMessage.DefaultHeldOpenMs;

        /// <summary>False (fail-secure, default): no answer keeps the door locked. True (fail-safe): no answer releases it.</summary>
        public bool FailSafe { get; set; }

        public int HeartbeatMs { get; set; } = ConfigFields.DefaultHeartbeatMs;

        public int GrantBeepMs { get; set; } = 150;

        public int DenyBeepMs { get; set; } = 1000;

        /// <summary>How long the red LED stays on after a deny.</summary>
        public int DenyLightMs { get; set; } = 2000;

        /// <summary>A door opened this soon after the lock closed again still counts as a granted entry (the latch lags).</summary>
        public int OpenGraceMs { get; set; } = 1000;

        /// <summary>The same card read again within this time is the card still lying on the reader, not a new tap.</summary>
        public int RepeatTapIgnoreMs { get; set; } = 3000;

        public DoorReaderOptions Copy()
        {
            return new DoorReaderOptions
            {
                UnlockMs = UnlockMs,
                DecisionTimeoutMs = DecisionTimeoutMs,
                HeldOpenMs = HeldOpenMs,
                FailSafe = FailSafe,
                HeartbeatMs = HeartbeatMs,
                GrantBeepMs = GrantBeepMs,
                DenyBeepMs = DenyBeepMs,
                DenyLightMs = DenyLightMs,
                OpenGraceMs = OpenGraceMs,
                RepeatTapIgnoreMs = RepeatTapIgnoreMs,
            };
        }
    }
}
