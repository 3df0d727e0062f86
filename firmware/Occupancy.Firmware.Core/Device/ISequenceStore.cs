namespace Occupancy.Firmware.Device
{
    /// <summary>
    /// Where the sequence lease survives a reboot: a small file in flash on the device. The core
    /// writes it once per block of sequence numbers (see <see cref="SequenceCounter"/>), never per message.
    /// </summary>
    public interface ISequenceStore
    {
        /// <summary>The last lease written; false when nothing was ever stored (or it is unreadable).</summary>
        bool TryRead(out long leasedUpTo);

        /// <summary>Stores a new lease durably before any number of it is used.</summary>
        void Write(long leasedUpTo);
    }
}
