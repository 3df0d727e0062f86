using System.Text.Json;
using Occupancy.Edge.Devices;
using Occupancy.Testing;

namespace Occupancy.Edge.Tests.Proofs;

/// <summary>
/// The edge as its own process, killed with SIGKILL while sensors publish, then started again on the
/// same data: every report the edge acknowledged is in InfluxDB, and exactly once.
/// </summary>
public sealed class EdgeKilledMidStreamTests(InfluxdFixture influx) : IClassFixture<InfluxdFixture>, IDisposable
{
    private const int Desks = 20;
    private const int ReportsPerDesk = 150;
    private const int AcknowledgedBeforeKill = 1200;

    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task KilledMidStreamAndRestarted_EveryAcknowledgedReportIsInInfluxExactlyOnce()
    {
        var site = StreamSite.WithDesks(Desks);
        File.WriteAllText(Path.Combine(_data.Path, "site-config.json"), JsonSerializer.Serialize(site));
        var registry = new DeviceRegistry(_data.Path);
        foreach (var desk in site.Desks)
        {
            registry.Provision(desk.DeviceId, TestSite.SecretOf(desk.DeviceId));
        }

        int mqttPort = FreeTcpPort.Next();
        int httpPort = FreeTcpPort.NextExcept(mqttPort);
        var settings = EdgeProcess.Settings(_data.Path, mqttPort, influx.Server.BaseUri, "killed");
        long baseTs = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds();
        var sensors = site.Desks.Select(d => new DeskSensorClient(d.DeviceId, mqttPort, baseTs)).ToArray();

        await using (var edge = await EdgeProcess.StartAsync(settings, httpPort))
        {
            await ConnectAllAsync(sensors);
            using var stop = new CancellationTokenSource();
            var streams = sensors.Select(s => StreamUntilRefusedAsync(s, stop.Token)).ToArray();
            await Eventually.Until(() => sensors.Sum(s => s.Acknowledged.Count) >= AcknowledgedBeforeKill, TimeSpan.FromSeconds(60), $"{AcknowledgedBeforeKill} reports acknowledged");

            await edge.KillAsync();
            await Task.WhenAll(streams);
        }

        var acknowledgedBeforeKill = sensors.ToDictionary(s => s.DeviceId, s => s.Acknowledged.ToArray());
        await using (var restarted = await EdgeProcess.StartAsync(settings, httpPort))
        {
            await ConnectAllAsync(sensors);
            // Each sensor first sends again what was not acknowledged, then carries on to the end.
            await Task.WhenAll(sensors.Select(s => FinishAsync(s, ReportsPerDesk)));

            var points = await StreamChecks.WaitForDeskPointsAsync(influx.Server, "killed", Desks, _ => ReportsPerDesk, TimeSpan.FromSeconds(30));
            foreach (var sensor in sensors)
            {
                string desk = sensor.DeviceId.Replace("sensor-", "desk-");
                var expected = Enumerable.Range(1, ReportsPerDesk).Select(seq => DeskSensorClient.TimestampOf(baseTs, seq)).ToArray();
                var lostAcknowledged = acknowledgedBeforeKill[sensor.DeviceId].Where(seq => !points[desk].Contains(DeskSensorClient.TimestampOf(baseTs, seq))).ToArray();
                Assert.True(lostAcknowledged.Length == 0, $"{desk}: reports {string.Join(", ", lostAcknowledged)} were acknowledged before the kill but are not in InfluxDB");
                Assert.Equal(expected, points[desk].Order());
            }
        }

        Assert.True(acknowledgedBeforeKill.Values.Sum(a => a.Length) >= AcknowledgedBeforeKill);
        foreach (var sensor in sensors)
        {
            sensor.Dispose();
        }
    }

    private static async Task ConnectAllAsync(DeskSensorClient[] sensors) =>
        await Task.WhenAll(sensors.Select(s => Eventually.Until(() => s.TryConnectAsync(), TimeSpan.FromSeconds(30), $"{s.DeviceId} connected")));

    /// <summary>Publishes until a report is not acknowledged (the edge died under it).</summary>
    private static async Task StreamUntilRefusedAsync(DeskSensorClient sensor, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested && sensor.LastSent < ReportsPerDesk && await sensor.PublishNextAsync(stop))
        {
        }
    }

    private static async Task FinishAsync(DeskSensorClient sensor, int reports)
    {
        while (sensor.Acknowledged.Count < reports)
        {
            Assert.True(await sensor.PublishNextAsync(), $"{sensor.DeviceId} report {sensor.LastSent} refused by the restarted edge");
        }
    }
}
