using System.IO;
using Occupancy.Firmware.Device;

namespace Occupancy.Devices
{
    /// <summary>
    /// The sequence lease in the device's internal flash (<c>I:\occupancy.seq</c>). The core's
    /// <see cref="SequenceCounter"/> decides when to write (once per block of 1000 messages);
    /// this only reads and writes the number.
    /// </summary>
    public sealed class FlashSequenceStore : ISequenceStore
    {
        public const string DefaultPath = "I:\\occupancy.seq";

        private readonly string _path;

        public FlashSequenceStore(string path)
        {
            _path = path;
        }

        public bool TryRead(out long leasedUpTo)
        {
            leasedUpTo = 0;
            if (!File.Exists(_path))
            {
                return false;
            }

            string text = File.ReadAllText(_path).Trim();
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9' || i >= 18)
                {
                    // A torn or foreign file: start from 0 rather than from garbage.
                    leasedUpTo = 0;
                    return false;
                }

                leasedUpTo = (leasedUpTo * 10) + (c - '0');
            }

            return text.Length > 0;
        }

        public void Write(long leasedUpTo)
        {
            // Write then rename, so a power cut mid-write leaves the previous lease, never a torn one.
            string temporary = _path + ".tmp";
            File.WriteAllText(temporary, leasedUpTo.ToString());
            if (File.Exists(_path))
            {
                File.Delete(_path);
            }

            File.Move(temporary, _path);
        }
    }
}
