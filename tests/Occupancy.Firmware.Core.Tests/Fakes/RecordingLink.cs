using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Core.Tests.Fakes;

/// <summary>The device's side of MQTT, recording what the logic publishes.</summary>
public sealed class RecordingLink : IMessageLink
{
    public bool IsConnected { get; set; } = true;

    /// <summary>False makes <see cref="Publish"/> refuse, as a full outgoing queue does.</summary>
    public bool Accepts { get; set; } = true;

    public List<Published> Messages { get; } = new();

    public bool Publish(string topic, string payload, bool retain)
    {
        if (!Accepts)
        {
            return false;
        }

        Messages.Add(new Published(topic, payload, retain));
        return true;
    }

    public sealed record Published(string Topic, string Payload, bool Retain);
}
