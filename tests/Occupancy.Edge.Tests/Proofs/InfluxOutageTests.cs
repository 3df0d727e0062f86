using System.Diagnostics;
using Occupancy.Edge.Influx;
using Occupancy.Testing;

namespace Occupancy.Edge.Tests.Proofs;

/// <summary>
/// InfluxDB goes away for 30 seconds in the middle of a stream of 10,000 reports from 20 sensors:
/// the edge keeps acknowledging (the outbox holds everything), says so in its status, and once
/// InfluxDB is back every report is there exactly once.
/// </summary>
public sealed class InfluxOutageTests
{
    private const int Desks = 20;
    private const int ReportsPerDesk = 500;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RoundInterval = TimeSpan.FromMilliseconds(80);

    [Fact]
    public async Task InfluxDownFor30SecondsMidStream_EveryReportArrivesExactlyOnceAfterItReturns()
    {
        await using var influx = await InfluxdServer.StartAsync();
        await using var edge = await TestEdge.StartAsync(
            influx.BaseUri.ToString(),
            site: StreamSite.WithDesks(Desks),
            settings: new Dictionary<string, string?>
            {
                ["Influx:Database"] = "outage",
                ["Influx:MaxRetryDelay"] = "00:00:01",
                ["Logging:LogLevel:Default"] = "Warning",
            });
        long baseTs = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds();
        var sensors = StreamSite.WithDesks(Desks).Desks.Select(d => new DeskSensorClient(d.DeviceId, edge.MqttPort, baseTs)).ToArray();
        await Task.WhenAll(sensors.Select(s => Eventually.Until(() => s.TryConnectAsync(), TimeSpan.FromSeconds(10), $"{s.DeviceId} connected")));
        var writer = edge.Get<InfluxWriterStatus>();

        // A steady stream: every sensor reports once per round, a round every 80 ms (about 40 s in all).
        using var rounds = new PeriodicTimer(RoundInterval);
        Task? outage = null;
        bool failureSeen = false;
        for (int round = 1; round <= ReportsPerDesk; round++)
        {
            var acks = await Task.WhenAll(sensors.Select(s => s.PublishNextAsync()));
            Assert.All(acks, Assert.True);
            if (round == 60)
            {
                outage = RunOutageAsync(influx);
            }

            failureSeen |= writer.Read().Failing;
            await rounds.WaitForNextTickAsync();
        }

        await outage!;
        var points = await StreamChecks.WaitForDeskPointsAsync(influx, "outage", Desks, _ => ReportsPerDesk, TimeSpan.FromSeconds(60));

        Assert.True(failureSeen, "the writer's status never showed InfluxDB failing during the outage");
        foreach (var sensor in sensors)
        {
            var expected = Enumerable.Range(1, ReportsPerDesk).Select(seq => DeskSensorClient.TimestampOf(baseTs, seq));
            Assert.Equal(expected, points[sensor.DeviceId.Replace("sensor-", "desk-")].Order());
            sensor.Dispose();
        }
    }

    private static async Task RunOutageAsync(InfluxdServer influx)
    {
        var down = Stopwatch.StartNew();
        await influx.StopAsync();
        // The outage itself is what is being tested: it lasts its full length, whatever the edge does.
        await Task.Delay(Outage - down.Elapsed);
        await influx.RestartAsync();
    }
}
