using System.IO;
using Occupancy.Firmware.Device;

namespace Occupancy.Devices
{
    /// <summary>
    /// Keeps the message sequence going across reboots without writing flash for every message:
    /// it stores the end of a leased block and starts each boot at the end of the last lease,
    /// which is past every number the previous run can have used.
    /// </summary>
    public sealed class SequenceStore
    {
        public const string DefaultPath = "I:\\occupancy.seq";

        private const long Block = 1000;

        // Renew this far before the end, so no loop pass can run past the stored lease.
        private const long Margin = 100;

        private readonly string _path;
        private long _leasedUpTo;

        public SequenceStore(string path)
        {
            _path = path;
        }

        /// <summary>Reads the last lease and takes the next block; call once at boot.</summary>
        public SequenceCounter Start()
        {
            long start = 0;
            if (File.Exists(_path))
            {
                long stored;
                if (long.TryParse(File.ReadAllText(_path).Trim(), out stored) && stored > 0)
                {
                    start = stored;
                }
            }

            Lease(start + Block);
            return new SequenceCounter(start);
        }

        /// <summary>Takes a new block before the current one runs out; call from the device loop.</summary>
        public void Renew(SequenceCounter counter)
        {
            if (counter.Last + Margin >= _leasedUpTo)
            {
                Lease(counter.Last + Block);
            }
        }

        private void Lease(long upTo)
        {
            File.WriteAllText(_path, upTo.ToString());
            _leasedUpTo = upTo;
        }
    }
}
