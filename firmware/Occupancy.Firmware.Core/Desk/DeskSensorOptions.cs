using Occupancy.Firmware.Contract;

namespace Occupancy.Firmware.Desk
{
    /// <summary>
    /// A desk sensor's settings. The defaults are the contract's (<see cref="DeskConfigMessage"/>);
    /// the retained <c>config</c> topic may change them at run time.
    /// </summary>
    public sealed class DeskSensorOptions
    {
        /// <summary>Presence must last this long before the desk is reported occupied.</summary>
        public int OccupiedAfterMs { get; set; } = DeskConfigMessage.DefaultOccupiedAfterMs;

        /// <summary>No presence for this long before the desk is reported free: people sit still.</summary>
        public int FreeAfterMs { get; set; } = DeskConfigMessage.DefaultFreeAfterMs;

        /// <summary>Gaps in presence shorter than this are bridged: a PIR output drops between movements.</summary>
        public int PresenceGapMs { get; set; } = DeskConfigMessage.DefaultPresenceGapMs;

        /// <summary>How often the heartbeat goes out.</summary>
        public int HeartbeatMs { get; set; } = ConfigFields.DefaultHeartbeatMs;

        /// <summary>0-100, for presence inputs that can weigh their readings (mmWave); a PIR ignores it.</summary>
        public int Sensitivity { get; set; } = DeskConfigMessage.DefaultSensitivity;

        public DeskSensorOptions Copy()
        {
            return new DeskSensorOptions
            {
                OccupiedAfterMs = OccupiedAfterMs,
                FreeAfterMs = FreeAfterMs,
                PresenceGapMs = PresenceGapMs,
                HeartbeatMs = HeartbeatMs,
                Sensitivity = Sensitivity,
            };
        }
    }
}
