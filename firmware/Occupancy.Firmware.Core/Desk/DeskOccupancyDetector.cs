namespace Occupancy.Firmware.Desk
{
    /// <summary>
    /// Turns raw presence readings into a debounced occupied/free state: occupied after presence
    /// has lasted <see cref="DeskSensorOptions.OccupiedAfterMs"/> (short gaps bridged), free after
    /// no presence for <see cref="DeskSensorOptions.FreeAfterMs"/>, so that a person reading a
    /// book does not make the desk flicker.
    /// </summary>
    public sealed class DeskOccupancyDetector
    {
        private const long Never = -1;

        private readonly DeskSensorOptions _options;
        private long _presenceRunStartMs = Never;
        private long _lastPresenceMs = Never;

        public DeskOccupancyDetector(DeskSensorOptions options)
        {
            _options = options;
        }

        public bool IsOccupied { get; private set; }

        /// <summary>Feeds one reading taken at <paramref name="uptimeMs"/>; true when the reported state changed.</summary>
        public bool Observe(bool presence, long uptimeMs)
        {
            if (presence)
            {
                bool runBroken = _lastPresenceMs == Never || uptimeMs - _lastPresenceMs > _options.PresenceGapMs;
                if (runBroken)
                {
                    _presenceRunStartMs = uptimeMs;
                }

                _lastPresenceMs = uptimeMs;
            }

            if (!IsOccupied)
            {
                // The run must span the time between real readings: bridging a gap joins two
                // readings, it must not stretch a short walk-past after its last one.
                bool presentNow = _lastPresenceMs != Never && uptimeMs - _lastPresenceMs <= _options.PresenceGapMs;
                if (presentNow && _lastPresenceMs - _presenceRunStartMs >= _options.OccupiedAfterMs)
                {
                    IsOccupied = true;
                    return true;
                }

                return false;
            }

            if (uptimeMs - _lastPresenceMs >= _options.FreeAfterMs)
            {
                IsOccupied = false;
                _presenceRunStartMs = Never;
                return true;
            }

            return false;
        }
    }
}
