using Occupancy.Firmware.Json;

namespace Occupancy.Firmware.Contract
{
    /// <summary>
    /// A desk sensor's settings on its retained <c>.../desk/{id}/config</c> topic, published by the edge:
    /// <c>{"rev":3,"occupiedAfterMs":10000,"freeAfterMs":600000,"presenceGapMs":5000,"heartbeatMs":300000,"sensitivity":50}</c>.
    /// Only <c>rev</c> is required; an absent field means the firmware default. One invalid field
    /// rejects the whole message: a device never runs half a configuration.
    /// </summary>
    public sealed class DeskConfigMessage
    {
        public const string OccupiedAfterField = "occupiedAfterMs";
        public const string FreeAfterField = "freeAfterMs";
        public const string PresenceGapField = "presenceGapMs";
        public const string SensitivityField = "sensitivity";

        public const int DefaultOccupiedAfterMs = 10000;
        public const int MinOccupiedAfterMs = 0;
        public const int MaxOccupiedAfterMs = 600000;

        public const int DefaultFreeAfterMs = 600000;
        public const int MinFreeAfterMs = 1000;
        public const int MaxFreeAfterMs = 86400000;

        public const int DefaultPresenceGapMs = 5000;
        public const int MinPresenceGapMs = 0;
        public const int MaxPresenceGapMs = 600000;

        /// <summary>For mmWave sensors: 0 (only strong returns count) to 100 (the faintest return counts).</summary>
        public const int DefaultSensitivity = 50;
        public const int MinSensitivity = 0;
        public const int MaxSensitivity = 100;

        public DeskConfigMessage(long rev, int occupiedAfterMs, int freeAfterMs, int presenceGapMs, int heartbeatMs, int sensitivity)
        {
            Rev = rev;
            OccupiedAfterMs = occupiedAfterMs;
            FreeAfterMs = freeAfterMs;
            PresenceGapMs = presenceGapMs;
            HeartbeatMs = heartbeatMs;
            Sensitivity = sensitivity;
        }

        public long Rev { get; }

        public int OccupiedAfterMs { get; }

        public int FreeAfterMs { get; }

        public int PresenceGapMs { get; }

        public int HeartbeatMs { get; }

        public int Sensitivity { get; }

        public string Encode()
        {
            return new JsonObjectWriter()
                .Add(ConfigFields.Rev, Rev)
                .Add(OccupiedAfterField, OccupiedAfterMs)
                .Add(FreeAfterField, FreeAfterMs)
                .Add(PresenceGapField, PresenceGapMs)
                .Add(ConfigFields.HeartbeatMs, HeartbeatMs)
                .Add(SensitivityField, Sensitivity)
                .ToString();
        }

        /// <summary>Reads and validates a configuration; on failure <paramref name="rejection"/> says which field and why.</summary>
        public static bool TryDecode(string payload, out DeskConfigMessage config, out ConfigRejection rejection)
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
            long occupiedAfter = fields.Optional(OccupiedAfterField, MinOccupiedAfterMs, MaxOccupiedAfterMs, DefaultOccupiedAfterMs);
            long freeAfter = fields.Optional(FreeAfterField, MinFreeAfterMs, MaxFreeAfterMs, DefaultFreeAfterMs);
            long gap = fields.Optional(PresenceGapField, MinPresenceGapMs, MaxPresenceGapMs, DefaultPresenceGapMs);
            long heartbeat = fields.Optional(ConfigFields.HeartbeatMs, ConfigFields.MinHeartbeatMs, ConfigFields.MaxHeartbeatMs, ConfigFields.DefaultHeartbeatMs);
            long sensitivity = fields.Optional(SensitivityField, MinSensitivity, MaxSensitivity, DefaultSensitivity);
            if (!fields.Failed && gap > freeAfter)
            {
                // A gap longer than the hold time would keep bridging absences the desk already reported as free.
                fields.Fail(PresenceGapField, RejectionReasons.Inconsistent, "'presenceGapMs' must not exceed 'freeAfterMs'");
            }

            if (fields.Failed)
            {
                rejection = ConfigRejection.From(json, fields);
                return false;
            }

            config = new DeskConfigMessage(rev, (int)occupiedAfter, (int)freeAfter, (int)gap, (int)heartbeat, (int)sensitivity);
            return true;
        }
    }
}
