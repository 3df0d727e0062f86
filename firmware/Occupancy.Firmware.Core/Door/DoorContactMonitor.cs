using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Door
{
    /// <summary>
    /// The door-contact part of a door reader: publishes each open/close of the door.
    /// Card taps, unlock commands and alarms build on this in the door reader.
    /// </summary>
    public sealed class DoorContactMonitor
    {
        private readonly DeviceIdentity _identity;
        private readonly IDigitalInput _contact;
        private readonly IDeviceClock _clock;
        private readonly IMessageLink _link;
        private readonly SequenceCounter _sequence;
        private bool _isOpen;
        private bool _unsentChange;

        public DoorContactMonitor(DeviceIdentity identity, IDigitalInput contact, IDeviceClock clock, IMessageLink link, SequenceCounter sequence)
        {
            _identity = identity;
            _contact = contact;
            _clock = clock;
            _link = link;
            _sequence = sequence;
            _isOpen = contact.Read();
        }

        public bool IsOpen => _isOpen;

        public void Poll()
        {
            bool open = _contact.Read();
            if (open != _isOpen)
            {
                _isOpen = open;
                _unsentChange = true;
            }

            if (_unsentChange && _link.IsConnected)
            {
                _unsentChange = !PublishContact();
            }
        }

        public void OnConnected()
        {
            _link.Publish(_identity.Topic(Channels.Status), StatusPayloads.Online, true);
            _unsentChange = !PublishContact();
        }

        private bool PublishContact()
        {
            var header = new MessageHeader(_sequence.Next(), _clock.UtcNowMs, _identity.Firmware);
            return _link.Publish(_identity.Topic(Channels.DoorContact), new DoorContactMessage(_isOpen, header).Encode(), false);
        }
    }
}
