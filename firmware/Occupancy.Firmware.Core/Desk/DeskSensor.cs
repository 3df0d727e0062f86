using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Desk
{
    /// <summary>
    /// A desk sensor: reads presence, debounces it and publishes each change of occupancy.
    /// The device loop calls <see cref="Poll"/> a few times a second and
    /// <see cref="OnConnected"/> after every (re)connection.
    /// </summary>
    public sealed class DeskSensor
    {
        private readonly DeviceIdentity _identity;
        private readonly IDigitalInput _presence;
        private readonly IDeviceClock _clock;
        private readonly IMessageLink _link;
        private readonly SequenceCounter _sequence;
        private readonly DeskOccupancyDetector _detector;
        private bool _unsentChange;

        public DeskSensor(
            DeviceIdentity identity,
            DeskSensorOptions options,
            IDigitalInput presence,
            IDeviceClock clock,
            IMessageLink link,
            SequenceCounter sequence)
        {
            _identity = identity;
            _presence = presence;
            _clock = clock;
            _link = link;
            _sequence = sequence;
            _detector = new DeskOccupancyDetector(options);
        }

        public bool IsOccupied => _detector.IsOccupied;

        /// <summary>Reads the presence input once; publishes if the debounced state changed.</summary>
        public void Poll()
        {
            if (_detector.Observe(_presence.Read(), _clock.UptimeMs))
            {
                _unsentChange = true;
            }

            if (_unsentChange && _link.IsConnected)
            {
                _unsentChange = !PublishState();
            }
        }

        /// <summary>Announces the device (retained birth message) and its current state.</summary>
        public void OnConnected()
        {
            _link.Publish(_identity.Topic(Channels.Status), StatusPayloads.Online, true);
            _unsentChange = !PublishState();
        }

        private bool PublishState()
        {
            string state = _detector.IsOccupied ? DeskStates.Occupied : DeskStates.Free;
            var header = new MessageHeader(_sequence.Next(), _clock.UtcNowMs, _identity.Firmware);
            return _link.Publish(_identity.Topic(Channels.State), new DeskStateMessage(state, header).Encode(), false);
        }
    }
}
