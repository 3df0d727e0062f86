using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Device;
using Occupancy.Firmware.Presence;

namespace Occupancy.Firmware.Desk
{
    /// <summary>
    /// A desk sensor: reads presence (a PIR pin or an mmWave sensor), debounces it, publishes
    /// each change of occupancy, sends a heartbeat, and takes its settings from the retained
    /// <c>config</c> topic. The device loop calls <see cref="Poll"/> a few times a second,
    /// <see cref="OnConnected"/> after every (re)connection and <see cref="OnMessage"/> for
    /// each message on its <see cref="SubscriptionTopics"/>.
    /// </summary>
    public sealed class DeskSensor
    {
        private readonly DeviceRuntime _runtime;
        private readonly IDigitalInput _presence;
        private readonly DeskSensorOptions _options;
        private readonly DeskOccupancyDetector _detector;

        public DeskSensor(
            DeviceIdentity identity,
            DeskSensorOptions options,
            IDigitalInput presence,
            IDeviceClock clock,
            IMessageLink link,
            SequenceCounter sequence)
            : this(new DeviceRuntime(identity, clock, link, sequence), options, presence)
        {
        }

        public DeskSensor(DeviceRuntime runtime, DeskSensorOptions options, IDigitalInput presence)
        {
            if (runtime == null || options == null || presence == null)
            {
                throw new System.ArgumentNullException(runtime == null ? "runtime" : options == null ? "options" : "presence");
            }

            if (runtime.Identity.Kind != DeviceKinds.Desk)
            {
                throw new System.ArgumentException("a desk sensor needs a desk identity");
            }

            _runtime = runtime;
            _presence = presence;

            // A copy: a remote configuration changes this sensor only, not whoever shared the options.
            _options = options.Copy();
            _detector = new DeskOccupancyDetector(_options);
            _runtime.HeartbeatMs = _options.HeartbeatMs;
            ApplySensitivity();
        }

        public bool IsOccupied => _detector.IsOccupied;

        public DeviceRuntime Runtime => _runtime;

        /// <summary>The settings in force (firmware defaults, the constructor's, or the last valid configuration).</summary>
        public int OccupiedAfterMs => _options.OccupiedAfterMs;

        public int FreeAfterMs => _options.FreeAfterMs;

        public int PresenceGapMs => _options.PresenceGapMs;

        public int Sensitivity => _options.Sensitivity;

        public string[] SubscriptionTopics() => _runtime.SubscriptionTopics();

        /// <summary>Reads the presence input once; queues a state message if the debounced state changed.</summary>
        public void Poll()
        {
            if (_detector.Observe(_presence.Read(), _runtime.Clock.UptimeMs))
            {
                QueueState();
            }

            _runtime.Poll();
        }

        /// <summary>Announces the device, sends what waited offline (or else the current state), then a heartbeat.</summary>
        public void OnConnected()
        {
            _runtime.OnConnected();
            if (!_runtime.HasQueued(Channels.State))
            {
                // Nothing changed while offline: say the current state anyway, so the edge converges.
                QueueState();
            }

            _runtime.SendHealth();
        }

        /// <summary>A message on one of the device's topics (its <c>config</c>); anything else is ignored.</summary>
        public void OnMessage(string topic, string payload, bool retained)
        {
            string channel;
            if (!_runtime.TryGetOwnChannel(topic, out channel) || channel != Channels.Config)
            {
                return;
            }

            DeskConfigMessage config;
            ConfigRejection rejection;
            if (!DeskConfigMessage.TryDecode(payload, out config, out rejection))
            {
                _runtime.ReportConfigRejected(rejection);
                return;
            }

            bool changed = config.Rev != _runtime.ConfigRev;
            _options.OccupiedAfterMs = config.OccupiedAfterMs;
            _options.FreeAfterMs = config.FreeAfterMs;
            _options.PresenceGapMs = config.PresenceGapMs;
            _options.HeartbeatMs = config.HeartbeatMs;
            _options.Sensitivity = config.Sensitivity;
            _runtime.HeartbeatMs = config.HeartbeatMs;
            _runtime.ConfigRev = config.Rev;
            ApplySensitivity();
            if (changed)
            {
                // The heartbeat carries configRev: the edge learns at once that the new settings are in force.
                _runtime.SendHealth();
            }
        }

        private void QueueState()
        {
            string state = _detector.IsOccupied ? DeskStates.Occupied : DeskStates.Free;
            _runtime.Enqueue(Channels.State, new DeskStateMessage(state, _runtime.NextHeader()).Encode());
        }

        private void ApplySensitivity()
        {
            if (_presence is ISensitivityAdjustable adjustable)
            {
                adjustable.SetSensitivity(_options.Sensitivity);
            }
        }
    }
}
