using MQTTnet;
using Occupancy.Edge.Devices;
using Occupancy.Edge.Occupancy;
using Occupancy.Uplink;

namespace Occupancy.Edge.Tests.Devices;

/// <summary>
/// Device logins the server provisioned arrive with the site configuration: they work beside the
/// edge's own (CLI) logins, stop working when the server withdraws them, and outlive a restart.
/// </summary>
public sealed class ServerProvisionedLoginTests : IAsyncLifetime
{
    private const string ServerSecret = "secret-the-server-showed-once";

    private TestEdge _edge = null!;

    public async Task InitializeAsync()
    {
        _edge = await TestEdge.StartAsync(influxUrl: "http://127.0.0.1:9", site: WithServerLogin(TestSite.Config, "sensor-2", ServerSecret));

        // sensor-2 has no login of the edge's own: only the server's.
        Assert.True(new DeviceRegistry(_edge.DataDirectory).Revoke("sensor-2"));
    }

    public async Task DisposeAsync() => await _edge.DisposeAsync();

    [Fact]
    public async Task DeviceProvisionedOnTheServer_LogsInWithTheSecretTheServerShowed()
    {
        Assert.Equal(MqttClientConnectResultCode.Success, await ConnectAsync("sensor-2", ServerSecret));
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await ConnectAsync("sensor-2", TestSite.SecretOf("sensor-2")));
    }

    [Fact]
    public async Task DeviceProvisionedOnTheEdge_StillLogsInBesideTheServersDevices()
    {
        Assert.Equal(MqttClientConnectResultCode.Success, await ConnectAsync("sensor-1", TestSite.SecretOf("sensor-1")));
    }

    [Fact]
    public async Task DeviceWithdrawnOnTheServer_LosesItsLogin_WithTheNextConfiguration_WithoutARestart()
    {
        Assert.Equal(MqttClientConnectResultCode.Success, await ConnectAsync("sensor-2", ServerSecret));

        _edge.Get<SiteDirectory>().Apply(TestSite.Config with { Version = 2, Devices = [] });

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await ConnectAsync("sensor-2", ServerSecret));
    }

    [Fact]
    public async Task ConnectedDevice_IsDisconnected_WhenTheServerWithdrawsItsLogin()
    {
        using var device = new MqttClientFactory().CreateMqttClient();
        var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        device.DisconnectedAsync += _ =>
        {
            disconnected.TrySetResult();
            return Task.CompletedTask;
        };
        await device.ConnectAsync(Options("sensor-2", ServerSecret));
        Assert.True(device.IsConnected);

        _edge.Get<SiteDirectory>().Apply(TestSite.Config with { Version = 4, Devices = [] });

        await disconnected.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(device.IsConnected);
    }

    [Fact]
    public async Task ConnectedDeviceWithItsOwnLogin_StaysConnected_WhenTheConfigurationChanges()
    {
        using var device = new MqttClientFactory().CreateMqttClient();
        await device.ConnectAsync(Options("sensor-1", TestSite.SecretOf("sensor-1")));

        _edge.Get<SiteDirectory>().Apply(TestSite.Config with { Version = 5, Devices = [] });

        // A publish round trip after the change: the edge has had its chance to disconnect the device.
        var ack = await device.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic("occupancy/v1/test-site/desk/sensor-1/state")
            .WithPayload("{\"state\":\"free\",\"seq\":1,\"ts\":1764236400000,\"fw\":\"1.0.0\"}")
            .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        Assert.True((int)ack.ReasonCode < 0x80, $"PUBACK {ack.ReasonCode}");
        Assert.True(device.IsConnected);
    }

    [Fact]
    public async Task SecretReissuedOnTheServer_ReplacesTheOldOne()
    {
        _edge.Get<SiteDirectory>().Apply(WithServerLogin(TestSite.Config with { Version = 3 }, "sensor-2", "a-new-secret"));

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await ConnectAsync("sensor-2", ServerSecret));
        Assert.Equal(MqttClientConnectResultCode.Success, await ConnectAsync("sensor-2", "a-new-secret"));
    }

    [Fact]
    public void ServersLogins_OutliveARestartWithoutTheServer()
    {
        // A new directory over the same data folder, as after a restart: the cached configuration carries the logins.
        var restarted = new SiteDirectory(
            Microsoft.Extensions.Options.Options.Create(TestSite.Options(_edge.DataDirectory)),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SiteDirectory>.Instance);

        Assert.True(new DeviceRegistry(_edge.DataDirectory, restarted).Verify("sensor-2", ServerSecret));
        Assert.False(new DeviceRegistry(_edge.DataDirectory, restarted).Verify("sensor-2", "a-guess"));
    }

    private static SiteConfig WithServerLogin(SiteConfig config, string deviceId, string secret)
    {
        var (salt, hash) = DeviceSecretHashing.Hash(secret);
        return config with { Devices = [new ProvisionedDevice(deviceId, salt, hash)] };
    }

    private MqttClientOptions Options(string deviceId, string secret) => new MqttClientOptionsBuilder()
        .WithTcpServer("127.0.0.1", _edge.MqttPort)
        .WithClientId(deviceId)
        .WithCredentials(deviceId, secret)
        .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
        .Build();

    private async Task<MqttClientConnectResultCode> ConnectAsync(string deviceId, string secret)
    {
        using var device = new MqttClientFactory().CreateMqttClient();
        var result = await device.ConnectAsync(Options(deviceId, secret));
        if (device.IsConnected)
        {
            await device.DisconnectAsync();
        }

        return result.ResultCode;
    }
}
