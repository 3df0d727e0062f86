namespace Occupancy.Firmware.Desk
{
    /// <summary>Timing of a desk sensor; remote configuration may change it.</summary>
    public sealed class DeskSensorOptions
    {
        /// <summary>Presence must last this long before the desk is reported occupied.</summary>
        public int OccupiedAfterMs { get; set; } = 10000;

        /// <summary>No presence for this long before the desk is reported free: people sit still.</summary>
        public int FreeAfterMs { get; set; } = 600000;

        /// <summary>Gaps in presence shorter than this are bridged: a PIR output drops between movements.</summary>
        public int PresenceGapMs { get; set; } = 5000;
    }
}
