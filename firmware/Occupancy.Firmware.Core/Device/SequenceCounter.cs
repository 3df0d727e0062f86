namespace Occupancy.Firmware.Device
{
    /// <summary>
    /// The per-device message sequence. It starts where the last run stopped (from storage on
    /// the device), so the edge can tell a reboot, which continues the sequence, from a replay.
    /// </summary>
    public sealed class SequenceCounter
    {
        private long _last;

        public SequenceCounter(long lastUsed)
        {
            _last = lastUsed;
        }

        public long Last => _last;

        public long Next()
        {
            _last++;
            return _last;
        }
    }
}
