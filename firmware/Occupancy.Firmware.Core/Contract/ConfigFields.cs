namespace Occupancy.Firmware.Contract
{
    /// <summary>Field names shared by the desk and door configurations, and the limits of the common ones.</summary>
    public static class ConfigFields
    {
        /// <summary>The configuration's revision, set by the edge; the device reports it in its heartbeat once applied.</summary>
        public const string Rev = "rev";

        public const string HeartbeatMs = "heartbeatMs";

        public const long MinRev = 1;
        public const long MaxRev = 999999999999;

        public const int DefaultHeartbeatMs = 300000;
        public const int MinHeartbeatMs = 10000;
        public const int MaxHeartbeatMs = 86400000;
    }
}
