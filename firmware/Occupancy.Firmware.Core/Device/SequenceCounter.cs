namespace Occupancy.Firmware.Device
{
    /// <summary>
    /// The per-device message sequence. It continues across reboots so the edge can tell a
    /// reboot (the sequence goes on) from a replay (an old number). With a store it leases
    /// numbers in blocks: before using the first number of a block it writes the block's end,
    /// and after a reboot it starts past the last lease — past every number the previous run can
    /// have used — so flash is written once per <see cref="BlockSize"/> messages.
    /// </summary>
    public sealed class SequenceCounter
    {
        public const long DefaultBlockSize = 1000;

        private readonly ISequenceStore? _store;
        private long _last;
        private long _leasedUpTo;

        /// <summary>A counter kept in memory only, continuing after <paramref name="lastUsed"/>.</summary>
        public SequenceCounter(long lastUsed)
        {
            _last = lastUsed;
            _leasedUpTo = long.MaxValue;
            BlockSize = DefaultBlockSize;
        }

        /// <summary>A counter that resumes from <paramref name="store"/> and leases blocks in it.</summary>
        public SequenceCounter(ISequenceStore store, long blockSize)
        {
            if (store == null || blockSize < 1)
            {
                throw new System.ArgumentException("a store and a block size of at least 1 are required");
            }

            _store = store;
            BlockSize = blockSize;
            long stored;
            _last = store.TryRead(out stored) && stored > 0 ? stored : 0;
            _leasedUpTo = _last;
        }

        public long BlockSize { get; }

        /// <summary>The last number handed out (or, right after boot, the point the sequence resumes from).</summary>
        public long Last => _last;

        /// <summary>Store writes so far in this run.</summary>
        public int LeaseWrites { get; private set; }

        public long Next()
        {
            long next = _last + 1;
            if (next > _leasedUpTo)
            {
                // Write ahead: the lease is durable before the number leaves the device.
                long lease = next - 1 + BlockSize;
                _store!.Write(lease);
                _leasedUpTo = lease;
                LeaseWrites++;
            }

            _last = next;
            return next;
        }
    }
}
