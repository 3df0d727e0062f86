using System.Collections.Concurrent;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using Occupancy.Firmware.Contract;
using Occupancy.Testing;

namespace Occupancy.Edge.Tests.Access;

/// <summary>The commands a test door reader receives on its unlock topic, in arrival order.</summary>
internal sealed class DoorCommands
{
    private readonly ConcurrentQueue<string> _received = new();

    private DoorCommands()
    {
    }

    public bool IsEmpty => _received.IsEmpty;

    /// <summary>Subscribes <paramref name="reader"/> to its own unlock topic; every command must arrive unretained.</summary>
    public static async Task<DoorCommands> SubscribeAsync(DeviceMqttClient reader)
    {
        var commands = new DoorCommands();
        reader.Client.ApplicationMessageReceivedAsync += e =>
        {
            Assert.False(e.ApplicationMessage.Retain);
            commands._received.Enqueue(Encoding.UTF8.GetString(e.ApplicationMessage.Payload));
            return Task.CompletedTask;
        };
        string topic = DeviceTopic.Build(TestSite.SiteId, DeviceKinds.Door, reader.DeviceId, Channels.Unlock);
        var result = await reader.Client.SubscribeAsync(topic, MqttQualityOfServiceLevel.AtLeastOnce);
        Assert.True((int)result.Items.Single().ResultCode < 0x80);
        return commands;
    }

    /// <summary>The next command, decoded; fails the test when none arrives within 10 s or it does not decode.</summary>
    public async Task<UnlockCommand> NextAsync()
    {
        string payload = "";
        await Eventually.Until(() => _received.TryDequeue(out payload!), TimeSpan.FromSeconds(10), "the reader to receive its command");
        Assert.True(UnlockCommand.TryDecode(payload, out var command, out var error), error);
        return command;
    }
}
