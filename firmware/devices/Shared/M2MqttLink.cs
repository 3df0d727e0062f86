using System;
using System.Collections;
using System.Diagnostics;
using System.Text;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Device;

namespace Occupancy.Devices
{
    /// <summary>
    /// The device's MQTT connection over nanoFramework's M2Mqtt: MQTT 5, logged in as the device
    /// with its secret, Last Will <c>offline</c> (retained, QoS1) on its status topic. The device
    /// loop calls <see cref="TryConnect"/>, which follows the core's <see cref="ReconnectBackoff"/>,
    /// subscribes to the device's topics and returns true on a new connection. Messages that
    /// arrive on M2Mqtt's thread wait in a small queue for the loop (<see cref="TryTakeMessage"/>):
    /// the core runs on the loop's thread only.
    /// </summary>
    public sealed class M2MqttLink : IMessageLink
    {
        private const ushort KeepAliveSeconds = 15;
        private const int MaxWaitingMessages = 8;

        private readonly MqttClient _client;
        private readonly string _deviceId;
        private readonly string _secret;
        private readonly string _statusTopic;
        private readonly string[] _subscriptions;
        private readonly ReconnectBackoff _backoff;
        private readonly ArrayList _received = new ArrayList();
        private bool _wasConnected;

        public M2MqttLink(Provisioning provisioning, string statusTopic, string[] subscriptions, IRandomSource random)
        {
            _deviceId = provisioning.DeviceId;
            _secret = provisioning.Secret;
            _statusTopic = statusTopic;
            _subscriptions = subscriptions;
            _backoff = new ReconnectBackoff(random);

            // TLS when the broker's CA is provisioned (the edge on the site network); plain on a lab bench.
            bool secure = provisioning.BrokerCaCertificate != null;
            _client = new MqttClient(
                provisioning.BrokerHost,
                provisioning.BrokerPort,
                secure,
                provisioning.BrokerCaCertificate,
                null,
                secure ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
            _client.ProtocolVersion = MqttProtocolVersion.Version_5;
            _client.MqttMsgPublishReceived += OnPublishReceived;
        }

        public bool IsConnected => _client.IsConnected;

        public bool Publish(string topic, string payload, bool retain)
        {
            try
            {
                _client.Publish(topic, Encoding.UTF8.GetBytes(payload), null, null, MqttQoSLevel.AtLeastOnce, retain);
                return true;
            }
            catch (Exception ex)
            {
                // The inflight queue is full or the connection just dropped: the core keeps the message.
                Debug.WriteLine("publish failed: " + ex.Message);
                return false;
            }
        }

        /// <summary>Connects if disconnected and the backoff allows it; true when a new connection was just made.</summary>
        public bool TryConnect(long uptimeMs)
        {
            if (_client.IsConnected)
            {
                return false;
            }

            if (_wasConnected)
            {
                _wasConnected = false;
                _backoff.OnConnectionLost(uptimeMs);
            }

            if (!_backoff.MayAttempt(uptimeMs))
            {
                return false;
            }

            MqttReasonCode result;
            try
            {
                // Blocks until the broker answers or M2Mqtt's timeout: the loop pauses, which the detector treats as a gap.
                // Not a clean session: M2Mqtt then keeps the publishes the broker has not acknowledged and sends them
                // again after the reconnect (a clean session drops them). The edge acknowledges a report or a door
                // request only once it is on disk, and answers a door before that; if the edge dies in between, this
                // resend is what gets the decision recorded. Repeats are recognised by sequence number and nonce.
                result = _client.Connect(_deviceId, _deviceId, _secret, true, MqttQoSLevel.AtLeastOnce, true, _statusTopic, StatusPayloads.Offline, false, KeepAliveSeconds);
            }
            catch (Exception ex)
            {
                Debug.WriteLine("broker unreachable: " + ex.Message);
                result = MqttReasonCode.UnspecifiedError;
            }

            if (result != MqttReasonCode.Success)
            {
                // Enum names are not available on the device: log the number.
                Debug.WriteLine("connect refused or failed: " + ((int)result).ToString());
                _backoff.OnAttemptFailed(uptimeMs);
                return false;
            }

            MqttQoSLevel[] levels = new MqttQoSLevel[_subscriptions.Length];
            for (int i = 0; i < levels.Length; i++)
            {
                levels[i] = MqttQoSLevel.AtLeastOnce;
            }

            _client.Subscribe(_subscriptions, levels);
            _backoff.OnConnected(uptimeMs);
            _wasConnected = true;
            return true;
        }

        /// <summary>The oldest message that arrived on one of the device's topics, if any.</summary>
        public bool TryTakeMessage(out string topic, out string payload, out bool retained)
        {
            lock (_received)
            {
                if (_received.Count == 0)
                {
                    topic = string.Empty;
                    payload = string.Empty;
                    retained = false;
                    return false;
                }

                var message = (MqttMsgPublishEventArgs)_received[0];
                _received.RemoveAt(0);
                topic = message.Topic;
                payload = Encoding.UTF8.GetString(message.Message, 0, message.Message.Length);
                retained = message.Retain;
                return true;
            }
        }

        private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            lock (_received)
            {
                // A flood must not exhaust the device's memory: beyond a few, the newest are dropped.
                if (_received.Count < MaxWaitingMessages)
                {
                    _received.Add(e);
                }
            }
        }
    }
}
