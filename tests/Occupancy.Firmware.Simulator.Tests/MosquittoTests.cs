using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Desk;
using Occupancy.Testing;

namespace Occupancy.Firmware.Simulator.Tests;

/// <summary>The same device against Debian's mosquitto, with per-device logins and a topic ACL, as a site with an external broker runs.</summary>
public sealed class MosquittoTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private MosquittoServer _mosquitto = null!;

    public async Task InitializeAsync()
    {
        var passwords = await MosquittoPasswordFile.CreateAsync(new Dictionary<string, string>
        {
            ["sensor-301"] = "desk secret",
            ["edge"] = "edge secret",
        });
        _mosquitto = await MosquittoServer.StartAsync(new MosquittoOptions
        {
            PasswordFile = passwords,
            AclLines =
            [
                "user edge",
                "topic read occupancy/v1/#",
                // Each device may write only under its own id.
                "pattern readwrite occupancy/v1/+/desk/%u/#",
            ],
        });
    }

    public async Task DisposeAsync() => await _mosquitto.DisposeAsync();

    [Fact]
    public async Task DeskDevice_ThroughMosquitto_PublishesItsStatusAndState()
    {
        await using var edge = await MqttProbe.SubscribeAsync(_mosquitto.Host, _mosquitto.Port, "occupancy/v1/#", "edge", "edge secret");
        var settings = new DeviceSettings(_mosquitto.Host, _mosquitto.Port, "hq", "sensor-301", "desk secret");
        await using var device = await SimulatedDeskDevice.StartAsync(settings, new DeskSensorOptions { OccupiedAfterMs = 200, FreeAfterMs = 1000, PresenceGapMs = 300 });
        await device.WaitUntilConnectedAsync(new CancellationTokenSource(Timeout).Token);

        device.SetPresence(true);

        string stateTopic = device.Topic(Channels.State);
        await Eventually.Until(
            () => edge.On(stateTopic).Any(m => DeskStateMessage.TryDecode(m.Payload, out var s, out _) && s.IsOccupied),
            Timeout,
            $"the edge receives occupied through mosquitto (mosquitto said: {_mosquitto.OutputTail})");
        Assert.Contains(edge.Messages, m => m.Topic == device.Topic(Channels.Status) && m.Payload == StatusPayloads.Online);
    }

    [Fact]
    public async Task DeskDevice_WithAWrongSecret_IsRefusedByMosquittoAndKeepsRetrying()
    {
        var settings = new DeviceSettings(_mosquitto.Host, _mosquitto.Port, "hq", "sensor-301", "guessed");
        await using var device = await SimulatedDeskDevice.StartAsync(settings, new DeskSensorOptions());

        await Eventually.Until(() => device.Link.ConnectAttempts >= 2, Timeout, "the device tries again after being refused");
        Assert.False(device.IsConnected);
        Assert.Equal(0, device.Link.Connections);
    }
}
