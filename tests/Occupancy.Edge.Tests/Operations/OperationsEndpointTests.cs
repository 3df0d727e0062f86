using System.Net;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Occupancy.Testing;

namespace Occupancy.Edge.Tests.Operations;

/// <summary>The edge's /healthz, /readyz and /metrics on a real listener, with real devices, broker and influxd.</summary>
public sealed class OperationsEndpointTests(InfluxdFixture influx) : IClassFixture<InfluxdFixture>
{
    private const string StateTopic = "occupancy/v1/test-site/desk/sensor-1/state";

    [Fact]
    public async Task Readyz_NamesBrokerOutboxInfluxAndServerLink_EachWithItsState()
    {
        int httpPort = FreeTcpPort.Next();
        await using var edge = await StartEdgeAsync("ops_ready", httpPort);
        using var ops = new OperationsClient(httpPort);

        using var healthz = await ops.GetAsync("healthz");
        var (status, body) = await ops.ReadyAsync();

        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        // No server runs in this test: the link is degraded, which leaves the edge ready to take devices.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks");
        Assert.Equal("healthy", checks.GetProperty("broker").GetProperty("status").GetString());
        Assert.Equal("healthy", checks.GetProperty("outbox").GetProperty("status").GetString());
        Assert.Equal("healthy", checks.GetProperty("influxdb").GetProperty("status").GetString());
        Assert.Equal("degraded", checks.GetProperty("server-link").GetProperty("status").GetString());
    }

    [Fact]
    public async Task MalformedAndOversizedPayloads_AreRefusedAndCounted_WhileTheEdgeKeepsServing()
    {
        int httpPort = FreeTcpPort.Next();
        await using var edge = await StartEdgeAsync("ops_refused", httpPort);
        using var ops = new OperationsClient(httpPort);
        using var device = new MqttClientFactory().CreateMqttClient();
        await device.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", edge.MqttPort)
            .WithClientId("sensor-1")
            .WithCredentials("sensor-1", TestSite.SecretOf("sensor-1"))
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build());
        byte[][] bad =
        [
            Encoding.UTF8.GetBytes("not json"),
            Encoding.UTF8.GetBytes("""{"state":"sitting","seq":1,"ts":1764236400000,"fw":"1.0.0"}"""),
            [0x7b, 0xff, 0xfe, 0x7d],
            Encoding.UTF8.GetBytes("{\"state\":\"occupied\",\"seq\":1,\"ts\":1764236400000,\"fw\":\"1.0.0\",\"pad\":\"" + new string('x', 10_000) + "\"}"),
            new byte[64 * 1024],
        ];

        foreach (byte[] payload in bad)
        {
            var refused = await device.PublishAsync(Message(payload));
            Assert.True((int)refused.ReasonCode >= 0x80, $"a bad payload was acknowledged ({refused.ReasonCode})");
        }

        long ts = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds();
        var good = await device.PublishAsync(Message(Encoding.UTF8.GetBytes($$"""{"state":"occupied","seq":2,"ts":{{ts}},"fw":"1.0.0"}""")));

        Assert.True((int)good.ReasonCode < 0x80, $"PUBACK {good.ReasonCode}");
        Assert.True(device.IsConnected);
        await Eventually.Until(
            async () => (await influx.Server.QueryRowsAsync("ops_refused", "SELECT * FROM desk_state")).Count == 1,
            TimeSpan.FromSeconds(10),
            "the good report is in InfluxDB");
        await Eventually.Until(
            async () => await ops.MetricAsync("occupancy_edge_rejections_total", "reason=\"malformed-payload\"") == 3
                && await ops.MetricAsync("occupancy_edge_rejections_total", "reason=\"oversized\"") == 2
                && await ops.MetricAsync("occupancy_edge_messages_total", "kind=\"desk-state\"") == 1,
            TimeSpan.FromSeconds(10),
            "/metrics counts 3 malformed, 2 oversized and 1 accepted desk report");
    }

    [Fact]
    public async Task Occupancy_CountsTheSitesDesksPerFloorAndZone_AsReportsArrive_InTheEndpointAndInMetrics()
    {
        int httpPort = FreeTcpPort.Next();
        await using var edge = await StartEdgeAsync("ops_counts", httpPort);
        using var ops = new OperationsClient(httpPort);
        using var sensor = new MqttClientFactory().CreateMqttClient();
        await sensor.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", edge.MqttPort)
            .WithClientId("sensor-1")
            .WithCredentials("sensor-1", TestSite.SecretOf("sensor-1"))
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithWillTopic("occupancy/v1/test-site/desk/sensor-1/status")
            .WithWillPayload("offline")
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());

        Assert.Equal((0, 0, 2), Counts((await ops.JsonAsync("occupancy")).GetProperty("desks")));

        long ts = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds();
        var ack = await sensor.PublishAsync(Message(Encoding.UTF8.GetBytes($$"""{"state":"occupied","seq":1,"ts":{{ts}},"fw":"1.0.0"}""")));
        Assert.True((int)ack.ReasonCode < 0x80, $"PUBACK {ack.ReasonCode}");

        var after = await ops.JsonAsync("occupancy");
        Assert.Equal("test-site", after.GetProperty("siteId").GetString());
        Assert.Equal((1, 0, 1), Counts(after.GetProperty("desks")));
        var floor = Assert.Single(after.GetProperty("floors").EnumerateArray());
        Assert.Equal("floor-1", floor.GetProperty("floorId").GetString());
        var zones = floor.GetProperty("zones").EnumerateArray().ToDictionary(z => z.GetProperty("zone").GetString()!, z => Counts(z.GetProperty("desks")));
        Assert.Equal((1, 0, 0), zones["quiet"]);
        Assert.Equal((0, 0, 1), zones["team"]);
        Assert.Equal(1, await ops.MetricAsync("occupancy_edge_desks", "site=\"test-site\"", "floor=\"floor-1\"", "zone=\"quiet\"", "state=\"occupied\""));
        Assert.Equal(1, await ops.MetricAsync("occupancy_edge_desks", "zone=\"team\"", "state=\"unknown\""));

        // The sensor drops off the network without a DISCONNECT: the broker publishes its Last Will.
        sensor.Dispose();

        await Eventually.Until(
            async () => Counts((await ops.JsonAsync("occupancy")).GetProperty("desks")) == (0, 0, 2)
                && await ops.MetricAsync("occupancy_edge_desks", "zone=\"quiet\"", "state=\"unknown\"") == 1,
            TimeSpan.FromSeconds(10),
            "the Last Will has made desk-1 unknown in /occupancy and /metrics");
    }

    private static (int Occupied, int Free, int Unknown) Counts(System.Text.Json.JsonElement desks) =>
        (desks.GetProperty("occupied").GetInt32(), desks.GetProperty("free").GetInt32(), desks.GetProperty("unknown").GetInt32());

    private Task<TestEdge> StartEdgeAsync(string database, int httpPort) =>
        TestEdge.StartAsync(influx.Server.BaseUri.ToString(), settings: new Dictionary<string, string?>
        {
            ["Influx:Database"] = database,
            ["Edge:HttpPort"] = httpPort.ToString(),
        });

    private static MqttApplicationMessage Message(byte[] payload) => new MqttApplicationMessageBuilder()
        .WithTopic(StateTopic)
        .WithPayload(payload)
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();
}
