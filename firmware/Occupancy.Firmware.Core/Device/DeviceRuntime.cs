using Occupancy.Firmware.Contract;

namespace Occupancy.Firmware.Device
{
    /// <summary>
    /// What every device does the same way, whatever it senses: announces itself after each
    /// connect (retained <c>online</c>), numbers and stamps its messages, keeps them in a bounded
    /// offline queue and sends them in order, sends a heartbeat, reports rejected configurations
    /// and commands. Desk sensors and door readers build on it. Single-threaded, like the device
    /// loop: the adapter calls in from one thread at a time.
    /// </summary>
    public sealed class DeviceRuntime
    {
        public const int DefaultQueueCapacity = 64;

        // A flood of forged commands must not turn into a flood of reports: at most this many per
        // window; the heartbeat's "rejected" still counts every one.
        private const int MaxReportsPerWindow = 10;
        private const long ReportWindowMs = 60000;

        private readonly IMessageLink _link;
        private readonly SequenceCounter _sequence;
        private readonly IBoardHealth? _board;
        private readonly OutboundQueue _queue;
        private bool _announced;
        private int _connections;
        private long _lastHealthAtMs;
        private bool _healthSent;
        private long _heartbeatMs = ConfigFields.DefaultHeartbeatMs;
        private long _reportWindowStartMs;
        private int _reportsInWindow;

        public DeviceRuntime(DeviceIdentity identity, IDeviceClock clock, IMessageLink link, SequenceCounter sequence)
            : this(identity, clock, link, sequence, null, DefaultQueueCapacity)
        {
        }

        public DeviceRuntime(DeviceIdentity identity, IDeviceClock clock, IMessageLink link, SequenceCounter sequence, IBoardHealth? board, int queueCapacity)
        {
            if (identity == null || clock == null || link == null || sequence == null)
            {
                throw new System.ArgumentNullException(identity == null ? "identity" : clock == null ? "clock" : link == null ? "link" : "sequence");
            }

            Identity = identity;
            Clock = clock;
            _link = link;
            _sequence = sequence;
            _board = board;
            _queue = new OutboundQueue(queueCapacity);
        }

        public DeviceIdentity Identity { get; }

        public IDeviceClock Clock { get; }

        /// <summary>How often the heartbeat goes out; a new value counts from the last heartbeat.</summary>
        public long HeartbeatMs
        {
            get => _heartbeatMs;
            set => _heartbeatMs = value < 1 ? 1 : value;
        }

        /// <summary>The <c>rev</c> of the configuration in force (0: firmware defaults).</summary>
        public long ConfigRev { get; set; }

        /// <summary>Connections after the first, since boot.</summary>
        public long Reconnects { get; private set; }

        /// <summary>Configurations and commands rejected, since boot.</summary>
        public long Rejected { get; private set; }

        /// <summary>Messages dropped from the full offline queue, since boot.</summary>
        public long Dropped => _queue.Dropped;

        /// <summary>Messages waiting for the broker.</summary>
        public int Queued => _queue.Count;

        public int QueueCapacity => _queue.Capacity;

        public bool IsConnected => _link.IsConnected;

        /// <summary>The topics to subscribe after every connect, for the device's kind.</summary>
        public string[] SubscriptionTopics() => Identity.SubscriptionTopics();

        /// <summary>The next header: a fresh sequence number, the clock's UTC time and the firmware version.</summary>
        public MessageHeader NextHeader() => new MessageHeader(_sequence.Next(), Clock.UtcNowMs, Identity.Firmware);

        /// <summary>Queues a message (already stamped) and sends what the link takes.</summary>
        public void Enqueue(string channel, string payload)
        {
            // Make room first: a message must not push out one the link would take right now.
            Flush();
            _queue.Enqueue(new OutboundMessage(channel, Identity.Topic(channel), payload));
            Flush();
        }

        public bool HasQueued(string channel) => _queue.Contains(channel);

        /// <summary>A (re)connection: the retained birth message goes first, then the queue.</summary>
        public void OnConnected()
        {
            if (_connections > 0)
            {
                Reconnects++;
            }

            _connections++;
            _announced = false;
            Announce();
        }

        /// <summary>One pass of the loop: announce if still owed, send the queue, heartbeat when due.</summary>
        public void Poll()
        {
            if (!_announced)
            {
                Announce();
            }

            Flush();
            if (_link.IsConnected && _announced && (!_healthSent || Clock.UptimeMs - _lastHealthAtMs >= _heartbeatMs))
            {
                SendHealth();
            }
        }

        /// <summary>Queues a heartbeat now (after a connect, or when the configuration changed).</summary>
        public void SendHealth()
        {
            int rssi = HealthMessage.NotMeasured;
            int supply = HealthMessage.NotMeasured;
            int reading;
            if (_board != null && _board.TryReadRssi(out reading))
            {
                rssi = reading;
            }

            if (_board != null && _board.TryReadSupplyMillivolts(out reading))
            {
                supply = reading;
            }

            long now = Clock.UptimeMs;
            var health = new HealthMessage(now / 1000, rssi, supply, Reconnects, _queue.Dropped, _queue.Count, _heartbeatMs, ConfigRev, Rejected, NextHeader());
            _lastHealthAtMs = now;
            _healthSent = true;
            Enqueue(Channels.Health, health.Encode());
        }

        public void ReportConfigRejected(ConfigRejection rejection)
        {
            Rejected++;
            if (MayReport())
            {
                Enqueue(Channels.ConfigRejected, new ConfigRejectedMessage(rejection, NextHeader()).Encode());
            }
        }

        public void ReportCommandRejected(string reason, string nonce)
        {
            Rejected++;
            if (MayReport())
            {
                Enqueue(Channels.CommandRejected, new CommandRejectedMessage(reason, nonce, NextHeader()).Encode());
            }
        }

        /// <summary>The channel of a topic addressed to this device; false for anything else.</summary>
        public bool TryGetOwnChannel(string topic, out string channel)
        {
            channel = null!;
            DeviceTopic parsed;
            if (!DeviceTopic.TryParse(topic, out parsed)
                || parsed.Site != Identity.Site
                || parsed.Kind != Identity.Kind
                || parsed.DeviceId != Identity.DeviceId)
            {
                return false;
            }

            channel = parsed.Channel;
            return true;
        }

        private void Announce()
        {
            if (_link.IsConnected && _link.Publish(Identity.Topic(Channels.Status), StatusPayloads.Online, true))
            {
                _announced = true;
            }
        }

        private void Flush()
        {
            // Nothing overtakes the birth message: the edge must see "online" before what follows.
            while (_announced && _queue.Count > 0 && _link.IsConnected)
            {
                OutboundMessage next = _queue.Peek();
                if (!_link.Publish(next.Topic, next.Payload, false))
                {
                    return;
                }

                _queue.RemoveOldest();
            }
        }

        private bool MayReport()
        {
            long now = Clock.UptimeMs;
            if (now - _reportWindowStartMs >= ReportWindowMs)
            {
                _reportWindowStartMs = now;
                _reportsInWindow = 0;
            }

            if (_reportsInWindow >= MaxReportsPerWindow)
            {
                return false;
            }

            _reportsInWindow++;
            return true;
        }
    }
}
