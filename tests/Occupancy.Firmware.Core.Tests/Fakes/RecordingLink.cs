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
        if (!Accepts || !IsConnected)
        {
            return false;
        }

        Messages.Add(new Published(topic, payload, retain));
        return true;
    }

    /// <summary>The payloads published on topics ending with <paramref name="channel"/>.</summary>
    public List<string> On(string channel) => Messages.Where(m => m.Topic.EndsWith("/" + channel, StringComparison.Ordinal)).Select(m => m.Payload).ToList();

    /// <summary>The channel of each message, in order ("status", "state", "evt/health", …).</summary>
    public List<string> Channels() => Messages.Select(m => string.Join('/', m.Topic.Split('/').Skip(5))).ToList();

    public sealed record Published(string Topic, string Payload, bool Retain);
}
