namespace Occupancy.Firmware.Device
{
    /// <summary>A message waiting to be handed to the MQTT link: encoded when it happened, so it keeps its seq and time.</summary>
    public sealed class OutboundMessage
    {
        public OutboundMessage(string channel, string topic, string payload)
        {
            Channel = channel;
            Topic = topic;
            Payload = payload;
        }

        public string Channel { get; }

        public string Topic { get; }

        public string Payload { get; }
    }
}
