using System.Diagnostics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Occupancy.Testing;

namespace Occupancy.Bench.EdgeIngest;

/// <summary>The reference: the same fleet publishing to a bare mosquitto, one subscriber taking everything at QoS 1.</summary>
internal static class RelayBenchmark
{
    public static async Task<List<RoundResult>> RunAsync(BenchOptions options)
    {
        // mosquitto keeps at most 1,000 messages queued per client by default and drops the rest, QoS 1 too:
        // a subscriber that falls behind must not lose messages, or the relay would look faster than it is.
        await using var broker = await MosquittoServer.StartAsync(new MosquittoOptions { ExtraConfigLines = ["max_queued_messages 0"] });
        using var subscriber = new MqttClientFactory().CreateMqttClient();
        long received = 0;
        long target = long.MaxValue;
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        subscriber.ApplicationMessageReceivedAsync += _ =>
        {
            if (Interlocked.Increment(ref received) == Interlocked.Read(ref target))
            {
                arrived.TrySetResult();
            }

            return Task.CompletedTask;
        };
        await subscriber.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithProtocolVersion(MqttProtocolVersion.V500).Build());
        await subscriber.SubscribeAsync($"occupancy/v1/{DeviceFleet.SiteId}/#", MqttQualityOfServiceLevel.AtLeastOnce);
        await using var fleet = await DeviceFleet.ConnectAsync(broker.Port, options.Devices, withSecrets: false);
        var cpu = new CpuClock(new Dictionary<string, int> { ["mosquitto"] = broker.ProcessId, ["bench clients"] = Environment.ProcessId });

        async Task<RoundResult> RoundAsync(int messages)
        {
            Interlocked.Exchange(ref target, Interlocked.Read(ref received) + messages);
            cpu.Start();
            var clock = Stopwatch.StartNew();
            var acknowledged = await fleet.PublishAsync(messages / options.Devices);
            try
            {
                await arrived.Task.WaitAsync(TimeSpan.FromMinutes(5));
            }
            catch (TimeoutException)
            {
                throw new InvalidOperationException($"the subscriber received {Interlocked.Read(ref received)} of {Interlocked.Read(ref target)} messages");
            }

            var endToEnd = clock.Elapsed;
            arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return new RoundResult("mosquitto relay (publish → subscriber)", messages, acknowledged, endToEnd, cpu.Stop());
        }

        await RoundAsync(options.Warmup);
        var results = new List<RoundResult>();
        for (int round = 0; round < options.Rounds; round++)
        {
            results.Add(await RoundAsync(options.Messages));
        }

        return results;
    }
}
