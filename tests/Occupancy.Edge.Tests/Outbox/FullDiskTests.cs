using System.Net;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Occupancy.Edge.Ingest;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Outbox;
using Occupancy.Testing;

namespace Occupancy.Edge.Tests.Outbox;

/// <summary>The outbox on a disk that fills up: refused, counted, visible in readiness, and nothing lost once space returns.</summary>
public sealed class FullDiskTests
{
    [Fact]
    public async Task FullDisk_RefusesTheDeviceAndSaysSo_ThenTheRetryIsRecordedExactlyOnceWhenSpaceReturns()
    {
        using var disk = SmallDisk.Mount(kilobytes: 256);
        int httpPort = FreeTcpPort.Next();
        await using var edge = await disk.StartEdgeAsync(new Dictionary<string, string?> { ["Edge:HttpPort"] = httpPort.ToString() });
        using var ops = new OperationsClient(httpPort);
        using var device = new MqttClientFactory().CreateMqttClient();
        await device.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", edge.MqttPort)
            .WithClientId("sensor-1")
            .WithCredentials("sensor-1", TestSite.SecretOf("sensor-1"))
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build());
        var report = new MqttApplicationMessageBuilder()
            .WithTopic("occupancy/v1/test-site/desk/sensor-1/state")
            .WithPayload(Encoding.UTF8.GetBytes("""{"state":"occupied","seq":1,"ts":1764236400000,"fw":"1.0.0"}"""))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        disk.Fill();

        var refused = await device.PublishAsync(report);

        Assert.True((int)refused.ReasonCode >= 0x80, $"acknowledged on a full disk ({refused.ReasonCode})");
        Assert.Equal(1, edge.Get<RejectionCounter>().Count(RejectionReasons.NotRecorded));
        var (status, body) = await ops.ReadyAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var outbox = body.GetProperty("checks").GetProperty("outbox");
        Assert.Equal("unhealthy", outbox.GetProperty("status").GetString());
        Assert.Contains("space", outbox.GetProperty("description").GetString(), StringComparison.OrdinalIgnoreCase);

        disk.Free();
        await Eventually.Until(async () => await ops.CheckStatusAsync("outbox") == "healthy", TimeSpan.FromSeconds(10), "the outbox writes again");
        var accepted = await device.PublishAsync(report);

        Assert.True((int)accepted.ReasonCode < 0x80, $"PUBACK {accepted.ReasonCode}");
        using var reader = edge.Get<OutboxLog>().OpenReader(0);
        var records = new List<OutboxEntry>();
        reader.Read(records, 100);
        Assert.Equal(new DeskChange("desk-1", "floor-1", "quiet", "occupied", 1764236400000, 1), Assert.Single(records).Event);
    }

    [Fact]
    public async Task FullDisk_NeverAcknowledgesAnMqtt311Device_WhosePubackCannotSayNo()
    {
        using var disk = SmallDisk.Mount(kilobytes: 256);
        await using var edge = await disk.StartEdgeAsync();
        using var device = new MqttClientFactory().CreateMqttClient();
        await device.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", edge.MqttPort)
            .WithClientId("sensor-1")
            .WithCredentials("sensor-1", TestSite.SecretOf("sensor-1"))
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build());
        disk.Fill();

        // Over 3.1.1 any PUBACK means "stored": the edge must close the connection instead.
        await Assert.ThrowsAnyAsync<Exception>(() => device.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic("occupancy/v1/test-site/desk/sensor-1/state")
            .WithPayload(Encoding.UTF8.GetBytes("""{"state":"occupied","seq":1,"ts":1764236400000,"fw":"1.0.0"}"""))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build()));

        Assert.Equal(1, edge.Get<RejectionCounter>().Count(RejectionReasons.NotRecorded));
        Assert.False(device.IsConnected);
    }
}
