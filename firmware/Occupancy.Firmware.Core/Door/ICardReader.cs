using Occupancy.Firmware.Contract;

namespace Occupancy.Firmware.Door
{
    /// <summary>
    /// Where credentials come from: an MFRC522 card reader on the device (or a phone-code
    /// scanner), a simulated reader on a PC. Polled by the door loop.
    /// </summary>
    public interface ICardReader
    {
        /// <summary>True when a card or code was presented since the last call.</summary>
        bool TryRead(out Credential credential);
    }
}
