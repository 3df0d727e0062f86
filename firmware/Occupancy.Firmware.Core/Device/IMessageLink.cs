namespace Occupancy.Firmware.Device
{
    /// <summary>The MQTT connection as the device logic sees it: QoS1 publishes of text payloads.</summary>
    public interface IMessageLink
    {
        bool IsConnected { get; }

        /// <summary>Publishes at QoS1; false when the message was not handed to the broker.</summary>
        bool Publish(string topic, string payload, bool retain);
    }
}
