using System.Diagnostics;
using Occupancy.Testing;

namespace Occupancy.Bench.EdgeIngest;

/// <summary>The reference: the same fleet publishing to a bare mosquitto, one subscriber taking everything at QoS 1.</summary>
internal static class RelayBenchmark
{
    /// <summary>No message for this long, with every publish acknowledged, and the subscriber is not going to get the rest.</summary>
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(20);

    public static async Task<List<RoundResult>> RunAsync(BenchOptions options)
    {
        await using var broker = await MosquittoServer.StartAsync(new MosquittoOptions { ExtraConfigLines = BenchBroker.ConfigLines });
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
