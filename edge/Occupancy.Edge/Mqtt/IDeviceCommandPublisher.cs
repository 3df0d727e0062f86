using MQTTnet;

namespace Occupancy.Edge.Mqtt;

/// <summary>Sends a command to one device: QoS 1, never retained (a stale unlock must not wait for the next connect).</summary>
public interface IDeviceCommandPublisher
{
    Task PublishCommandAsync(string topic, string payload, CancellationToken cancellationToken);

    /// <summary>The message either broker sends: QoS 1, not retained.</summary>
    static MqttApplicationMessage CommandMessage(string topic, string payload) => new MqttApplicationMessageBuilder()
        .WithTopic(topic)
        .WithPayload(System.Text.Encoding.UTF8.GetBytes(payload))
        .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce)
        .WithRetainFlag(false)
        .Build();
}
