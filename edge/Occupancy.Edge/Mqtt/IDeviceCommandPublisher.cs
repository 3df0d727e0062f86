namespace Occupancy.Edge.Mqtt;

/// <summary>Sends a command to one device: QoS 1, never retained (a stale unlock must not wait for the next connect).</summary>
public interface IDeviceCommandPublisher
{
    Task PublishCommandAsync(string topic, string payload, CancellationToken cancellationToken);
}
