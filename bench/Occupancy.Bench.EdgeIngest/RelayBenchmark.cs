using System.Diagnostics;
using Occupancy.Testing;

namespace Occupancy.Bench.EdgeIngest;

/// <summary>The reference: the same fleet publishing to a bare mosquitto, one subscriber taking everything at QoS 1.</summary>
internal static class RelayBenchmark
{
    /// <summary>
    /// mosquitto keeps at most 1,000 messages queued per client by default and drops the rest, QoS 1 too: a subscriber
    /// that falls behind must not lose messages, or the relay would look faster than it is. Up to 1,000 may be in
    /// flight to the subscriber, as for the edge (its MQTT 5 receive maximum says so; the line covers MQTT 3.1.1).
    /// </summary>
    public static readonly string[] BrokerConfig = ["max_queued_messages 0", "max_inflight_messages 1000"];

    /// <summary>No message for this long, with every publish acknowledged, and the subscriber is not going to get the rest.</summary>
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(20);

    public static async Task<List<RoundResult>> RunAsync(BenchOptions options)
    {
        await using var broker = await MosquittoServer.StartAsync(new MosquittoOptions { ExtraConfigLines = BrokerConfig });
        await using var subscriber = await RelaySubscriber.ConnectAsync(broker, $"occupancy/v1/{DeviceFleet.SiteId}/#");
        await using var fleet = await DeviceFleet.ConnectAsync(broker.Port, options.Devices, withSecrets: false);
        var cpu = new CpuClock(new Dictionary<string, int> { ["mosquitto"] = broker.ProcessId, ["bench clients"] = Environment.ProcessId });
        long total = 0;

        async Task<RoundResult> RoundAsync(int messages)
        {
            total += messages;
            cpu.Start();
            var clock = Stopwatch.StartNew();
            var publishing = fleet.PublishAsync(messages / options.Devices);
            await subscriber.WaitForAsync(total, publishing, Stall);
            var endToEnd = clock.Elapsed;
            var acknowledged = await publishing;
            return new RoundResult("mosquitto relay (publish → subscriber)", messages, acknowledged, endToEnd, cpu.Stop());
        }

        await RoundAsync(options.Warmup);
        var results = new List<RoundResult>();
        for (int round = 0; round < options.Rounds; round++)
        {
            results.Add(await RoundAsync(options.Messages));
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        subscriber.ThrowIfMoreThan(total);
        return results;
    }
}
