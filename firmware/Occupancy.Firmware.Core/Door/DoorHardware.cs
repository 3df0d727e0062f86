using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Door
{
    /// <summary>What a door reader board is wired to (see firmware/README.md for the pins).</summary>
    public sealed class DoorHardware
    {
        public DoorHardware(
            IDigitalInput contact,
            ICardReader cardReader,
            IDigitalOutput lockRelay,
            IDigitalOutput greenLed,
            IDigitalOutput redLed,
            IDigitalOutput buzzer,
            IDigitalInput? exitButton = null)
        {
            if (contact == null || cardReader == null || lockRelay == null || greenLed == null || redLed == null || buzzer == null)
            {
                throw new System.ArgumentException("a door reader needs its contact, card reader, lock relay, both LEDs and the buzzer");
            }

            Contact = contact;
            CardReader = cardReader;
            LockRelay = lockRelay;
            GreenLed = greenLed;
            RedLed = redLed;
            Buzzer = buzzer;
            ExitButton = exitButton;
        }

        /// <summary>True while the door is open (reed switch released).</summary>
        public IDigitalInput Contact { get; }

        public ICardReader CardReader { get; }

        /// <summary>On: the lock is released (strike energised).</summary>
        public IDigitalOutput LockRelay { get; }

        public IDigitalOutput GreenLed { get; }

        public IDigitalOutput RedLed { get; }

        public IDigitalOutput Buzzer { get; }

        /// <summary>True while the request-to-exit button inside is pressed; null when there is none.</summary>
        public IDigitalInput? ExitButton { get; }
    }
}
