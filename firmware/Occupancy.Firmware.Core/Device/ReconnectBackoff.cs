namespace Occupancy.Firmware.Device
{
    /// <summary>
    /// When to try the broker again: exponential backoff with ±20 % jitter, so that after a
    /// broker restart a whole site does not reconnect in the same instant and a refused device
    /// does not hammer the broker. A connection that lasted <c>stableAfterMs</c> starts the
    /// backoff afresh; one the broker drops at once keeps growing it.
    /// </summary>
    public sealed class ReconnectBackoff
    {
        public const int DefaultFirstDelayMs = 500;
        public const int DefaultMaxDelayMs = 30000;
        public const int DefaultStableAfterMs = 10000;

        private const long NotConnected = -1;

        private readonly long _firstDelayMs;
        private readonly long _maxDelayMs;
        private readonly long _stableAfterMs;
        private readonly IRandomSource _random;
        private long _baseDelayMs;
        private long _nextAttemptAtMs;
        private long _connectedAtMs = NotConnected;

        public ReconnectBackoff(IRandomSource random)
            : this(DefaultFirstDelayMs, DefaultMaxDelayMs, DefaultStableAfterMs, random)
        {
        }

        public ReconnectBackoff(long firstDelayMs, long maxDelayMs, long stableAfterMs, IRandomSource random)
        {
            if (firstDelayMs < 1 || maxDelayMs < firstDelayMs || stableAfterMs < 0 || random == null)
            {
                throw new System.ArgumentException("need 1 <= firstDelayMs <= maxDelayMs, stableAfterMs >= 0 and a random source");
            }

            _firstDelayMs = firstDelayMs;
            _maxDelayMs = maxDelayMs;
            _stableAfterMs = stableAfterMs;
            _random = random;
            _baseDelayMs = firstDelayMs;
        }

        /// <summary>Failed attempts and dropped connections since the backoff last started afresh.</summary>
        public int Failures { get; private set; }

        /// <summary>True when an attempt is allowed at <paramref name="uptimeMs"/>.</summary>
        public bool MayAttempt(long uptimeMs) => uptimeMs >= _nextAttemptAtMs;

        /// <summary>A connection attempt failed or was refused; returns the wait before the next one.</summary>
        public long OnAttemptFailed(long uptimeMs) => Schedule(uptimeMs);

        public void OnConnected(long uptimeMs)
        {
            _connectedAtMs = uptimeMs;
        }

        /// <summary>The connection dropped; returns the wait before reconnecting.</summary>
        public long OnConnectionLost(long uptimeMs)
        {
            if (_connectedAtMs != NotConnected && uptimeMs - _connectedAtMs >= _stableAfterMs)
            {
                _baseDelayMs = _firstDelayMs;
                Failures = 0;
            }

            _connectedAtMs = NotConnected;
            return Schedule(uptimeMs);
        }

        private long Schedule(long uptimeMs)
        {
            long delay = _baseDelayMs * (80 + _random.Next(41)) / 100;
            _baseDelayMs = _baseDelayMs * 2 > _maxDelayMs ? _maxDelayMs : _baseDelayMs * 2;
            _nextAttemptAtMs = uptimeMs + delay;
            Failures++;
            return delay;
        }
    }
}
