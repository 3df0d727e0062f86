using System.Security.Cryptography;
using Occupancy.Firmware.Contract;
using Occupancy.Testing;

namespace Occupancy.Firmware.Simulator.Tests;

/// <summary>The real door-reader core on a simulated board, a real broker, and a test edge that signs answers.</summary>
public sealed class SimulatedDoorReaderTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly byte[] DoorKey = RandomNumberGenerator.GetBytes(32);

    private EmbeddedBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await EmbeddedBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task DoorReader_WhenTheDoorOpensAndCloses_PublishesBothContactEvents()
    {
        await using var probe = await MqttProbe.SubscribeAsync(_broker.Host, _broker.Port, "occupancy/v1/hq/door/#");
        await using var reader = await StartReaderAsync("reader-front");
        string contactTopic = reader.Topic(Channels.DoorContact);
        Assert.Equal("occupancy/v1/hq/door/reader-front/evt/contact", contactTopic);
        await Eventually.Until(() => probe.On(contactTopic).Any(), Timeout, "the reader announces the closed door");
        Assert.False(reader.IsOpen);

        reader.SetExitButton(true); // let out, so the opening is no forced entry
        await Eventually.Until(() => reader.RelayEnergised, Timeout, "the exit button releases the lock");
        reader.SetExitButton(false);
        reader.SetDoorOpen(true);
        await Eventually.Until(() => probe.On(contactTopic).Count() == 2, Timeout, "the opening arrives");
        reader.SetDoorOpen(false);
        await Eventually.Until(() => probe.On(contactTopic).Count() == 3, Timeout, "the closing arrives");

        var contacts = probe.On(contactTopic).Select(m => Decode<DoorContactMessage>(m.Payload)).ToList();
        Assert.Equal(new[] { false, true, false }, contacts.Select(c => c.IsOpen));
        Assert.Equal(contacts.Select(c => c.Header.Seq).Order(), contacts.Select(c => c.Header.Seq));
        Assert.Contains(new ReceivedMessage(reader.Topic(Channels.Status), StatusPayloads.Online, false), probe.Messages);
        Assert.Empty(probe.On(reader.Topic(Channels.Alarm)));
    }

    [Fact]
    public async Task DoorReader_WhenTheEdgeGrantsATap_ReleasesTheRelayWithGreenLightAndABeep()
    {
        await using var edge = await EdgeResponder.StartAsync(_broker.Host, _broker.Port, "hq", _ => DoorKey);
        await using var probe = await MqttProbe.SubscribeAsync(_broker.Host, _broker.Port, "occupancy/v1/hq/door/#");
        await using var reader = await StartReaderAsync("reader-front");

        reader.Tap("04A1B2C3D4E5F6");

        await Eventually.Until(() => reader.RelayEnergised && reader.GreenLedOn && reader.BuzzerOn, Timeout, "relay, green LED and buzzer switch on");
        Assert.False(reader.RedLedOn);
        var request = Assert.Single(edge.Requests);
        Assert.Equal((Credential.Card, "04a1b2c3d4e5f6"), (request.Credential.Type, request.Credential.Value));
        await Eventually.Until(() => probe.On(reader.Topic(Channels.AccessResult)).Any(), Timeout, "the reader reports what it did");
        var result = Decode<AccessResultMessage>(probe.On(reader.Topic(Channels.AccessResult)).Single().Payload);
        Assert.Equal((request.Nonce, AccessResults.Granted, true), (result.Nonce, result.Result, result.Unlocked));
        await Eventually.Until(() => !reader.BuzzerOn, Timeout, "the beep is short");
        Assert.True(reader.RelayEnergised);
    }

    [Fact]
    public async Task DoorReader_WhenTheEdgeDenies_StaysLockedWithRedLight()
    {
        await using var edge = await EdgeResponder.StartAsync(_broker.Host, _broker.Port, "hq", _ => DoorKey);
        edge.Decide = _ => false;
        await using var reader = await StartReaderAsync("reader-front");

        reader.TapCode("otp1:m-0007:123456");

        await Eventually.Until(() => reader.RedLedOn, Timeout, "the red LED lights");
        Assert.False(reader.RelayEnergised);
        Assert.Equal(1, reader.Reader.Denied);
    }

    [Fact]
    public async Task DoorReader_WhenACommandIsSignedWithTheWrongKey_IgnoresItReportsItAndTimesOutLocked()
    {
        await using var edge = await EdgeResponder.StartAsync(_broker.Host, _broker.Port, "hq", _ => RandomNumberGenerator.GetBytes(32));
        await using var probe = await MqttProbe.SubscribeAsync(_broker.Host, _broker.Port, "occupancy/v1/hq/door/#");
        await using var reader = await StartReaderAsync("reader-front");

        reader.Tap("0badcafe");

        await Eventually.Until(() => probe.On(reader.Topic(Channels.CommandRejected)).Any(), Timeout, "the forged grant is reported");
        var rejected = Decode<CommandRejectedMessage>(probe.On(reader.Topic(Channels.CommandRejected)).Single().Payload);
        Assert.Equal(RejectionReasons.BadSignature, rejected.Reason);
        await Eventually.Until(() => reader.Reader.TimedOut == 1, Timeout, "the reader gives up waiting");
        Assert.True(reader.RedLedOn);
        Assert.False(reader.RelayEnergised);
        Assert.Equal(0, reader.Reader.Granted);
    }

    [Fact]
    public async Task DoorReader_WhenNobodyAnswers_StaysLockedFailSecure()
    {
        await using var reader = await StartReaderAsync("reader-front");

        reader.Tap("0badcafe");

        await Eventually.Until(() => reader.Reader.TimedOut == 1, Timeout, "the tap times out");
        Assert.True(reader.RedLedOn);
        Assert.False(reader.RelayEnergised);
    }

    private Task<SimulatedDoorReader> StartReaderAsync(string deviceId) =>
        SimulatedDoorReader.StartAsync(new DeviceSettings(_broker.Host, _broker.Port, "hq", deviceId) { DoorKey = DoorKey, PollInterval = TimeSpan.FromMilliseconds(20) }, new Door.DoorReaderOptions(), null);

    private static T Decode<T>(string payload)
    {
        object? message = typeof(T).Name switch
        {
            nameof(DoorContactMessage) => DoorContactMessage.TryDecode(payload, out var m, out _) ? m : null,
            nameof(AccessResultMessage) => AccessResultMessage.TryDecode(payload, out var m, out _) ? m : null,
            nameof(CommandRejectedMessage) => CommandRejectedMessage.TryDecode(payload, out var m, out _) ? m : null,
            _ => null,
        };
        Assert.NotNull(message);
        return (T)message;
    }
}
