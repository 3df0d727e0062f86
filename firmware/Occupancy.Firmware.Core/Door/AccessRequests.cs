using Occupancy.Firmware.Contract;

namespace Occupancy.Firmware.Door
{
    /// <summary>
    /// The request the reader is waiting on (at most one) and the nonces of recent ones, so that
    /// a command for an old nonce is told apart as a replay (already answered), late (the reader
    /// gave up waiting) or unknown.
    /// </summary>
    internal sealed class AccessRequests
    {
        private const int Remembered = 16;

        private readonly string[] _answered = new string[Remembered];
        private readonly string[] _timedOut = new string[Remembered];
        private int _answeredNext;
        private int _timedOutNext;

        public bool HasPending => PendingNonce != null;

        public string PendingNonce { get; private set; } = null!;

        public long DeadlineMs { get; private set; }

        public void Start(string nonce, long deadlineMs)
        {
            PendingNonce = nonce;
            DeadlineMs = deadlineMs;
        }

        /// <summary>A valid command answered the pending request.</summary>
        public void Answered()
        {
            _answered[_answeredNext] = PendingNonce;
            _answeredNext = (_answeredNext + 1) % Remembered;
            PendingNonce = null!;
        }

        /// <summary>The wait ended without a valid answer.</summary>
        public void TimedOut()
        {
            _timedOut[_timedOutNext] = PendingNonce;
            _timedOutNext = (_timedOutNext + 1) % Remembered;
            PendingNonce = null!;
        }

        /// <summary>Null when <paramref name="nonce"/> is the pending request's; otherwise the rejection reason.</summary>
        public string Check(string nonce)
        {
            if (HasPending && nonce == PendingNonce)
            {
                return null!;
            }

            if (Contains(_answered, nonce))
            {
                return RejectionReasons.Replayed;
            }

            return Contains(_timedOut, nonce) ? RejectionReasons.Late : RejectionReasons.UnknownNonce;
        }

        private static bool Contains(string[] nonces, string nonce)
        {
            for (int i = 0; i < nonces.Length; i++)
            {
                if (nonces[i] == nonce)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
