using Occupancy.Firmware.Contract;
using Occupancy.Testing;

namespace Occupancy.Firmware.Simulator.Tests;

public sealed class SimulatedDoorReaderTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private EmbeddedBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await EmbeddedBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task DoorReader_WhenTheDoorOpensAndCloses_PublishesBothContactEvents()
    {
        await using var probe = await MqttProbe.SubscribeAsync(_broker.Host, _broker.Port, "occupancy/v1/hq/door/#");
        await using var reader = await SimulatedDoorReader.StartAsync(new DeviceSettings(_broker.Host, _broker.Port, "hq", "reader-front"));
        string contactTopic = reader.Topic(Channels.DoorContact);
        Assert.Equal("occupancy/v1/hq/door/reader-front/evt/contact", contactTopic);
        await Eventually.Until(() => probe.On(contactTopic).Any(), Timeout, "the reader announces the closed door");
        Assert.False(reader.IsOpen);

        reader.SetDoorOpen(true);
        await Eventually.Until(() => probe.On(contactTopic).Count() == 2, Timeout, "the opening arrives");
        reader.SetDoorOpen(false);
        await Eventually.Until(() => probe.On(contactTopic).Count() == 3, Timeout, "the closing arrives");

        var contacts = probe.On(contactTopic).Select(Decode).ToList();
        Assert.Equal(new[] { false, true, false }, contacts.Select(c => c.IsOpen));
        Assert.Equal(contacts.Select(c => c.Header.Seq).Order(), contacts.Select(c => c.Header.Seq));
        Assert.Contains(new ReceivedMessage(reader.Topic(Channels.Status), StatusPayloads.Online, false), probe.Messages);
    }

    private static DoorContactMessage Decode(ReceivedMessage message)
    {
        Assert.True(DoorContactMessage.TryDecode(message.Payload, out var decoded, out var error), error);
        return decoded;
    }
}
