using System;
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
    /// with its secret, Last Will <c>offline</c> (retained, QoS1) on its status topic. Publish
    /// queues a QoS1 message in M2Mqtt's inflight queue. The device loop calls
    /// <see cref="TryConnect"/>, which waits longer after each failure (with jitter, so a site's
    /// devices do not all come back in the same second after a broker restart).
    /// </summary>
    public sealed class M2MqttLink : IMessageLink
    {
        private const ushort KeepAliveSeconds = 15;
        private const int FirstRetryDelayMs = 500;
        private const int MaxRetryDelayMs = 30000;

        private readonly MqttClient _client;
        private readonly string _deviceId;
        private readonly string _secret;
        private readonly string _statusTopic;
        private readonly Random _random = new Random();
        private int _retryDelayMs = FirstRetryDelayMs;
        private long _nextAttemptMs;

        public M2MqttLink(Provisioning provisioning, string statusTopic)
        {
            _deviceId = provisioning.DeviceId;
            _secret = provisioning.Secret;
            _statusTopic = statusTopic;
            _client = new MqttClient(provisioning.BrokerHost, provisioning.BrokerPort, false, null, null, MqttSslProtocols.None);
            _client.ProtocolVersion = MqttProtocolVersion.Version_5;
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
                // The inflight queue is full or the connection just dropped: the caller keeps the change and tries again.
                Debug.WriteLine("publish failed: " + ex.Message);
                return false;
            }
        }

        /// <summary>Connects if disconnected and the backoff allows it; true when a new connection was just made.</summary>
        public bool TryConnect(long uptimeMs)
        {
            if (_client.IsConnected || uptimeMs < _nextAttemptMs)
            {
                return false;
            }

            MqttReasonCode result;
            try
            {
                // Blocks until the broker answers or M2Mqtt's timeout: the loop pauses, which the detector treats as a gap.
                result = _client.Connect(
                    _deviceId,
                    _deviceId,
                    _secret,
                    true,
                    MqttQoSLevel.AtLeastOnce,
                    true,
                    _statusTopic,
                    StatusPayloads.Offline,
                    true,
                    KeepAliveSeconds);
            }
            catch (Exception ex)
            {
                Debug.WriteLine("broker unreachable: " + ex.Message);
                result = MqttReasonCode.UnspecifiedError;
            }

            if (result == MqttReasonCode.Success)
            {
                _retryDelayMs = FirstRetryDelayMs;
                return true;
            }

            // Enum names are not available on the device: log the number.
            Debug.WriteLine("connect refused or failed: " + ((int)result).ToString());
            _nextAttemptMs = uptimeMs + (_retryDelayMs * (80 + _random.Next(41)) / 100);
            _retryDelayMs = _retryDelayMs >= MaxRetryDelayMs / 2 ? MaxRetryDelayMs : _retryDelayMs * 2;
            return false;
        }
    }
}
