using System.Reflection;
using Occupancy.Testing;

namespace Occupancy.Bench.EdgeIngest;

/// <summary>The same fleet against <see cref="BareMqttnetServer"/>: the broker the edge is built on, doing nothing else.</summary>
internal static class BareMqttnetBenchmark
{
    public static async Task<List<RoundResult>> RunAsync(BenchOptions options)
    {
        int port = FreeTcpPort.Next();

        // The edge's own runtime setting (its project file), so that the two servers differ only in the edge's work.
        await using var server = DotnetProcess.Start(
            Assembly.GetExecutingAssembly().Location,
            [BareMqttnetServer.Flag, port.ToString(), Environment.ProcessId.ToString()],
            "  bare mqttnet | ",
            new Dictionary<string, string> { ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0" });
        await Eventually.Until(
            async () =>
            {
                server.ThrowIfExited();
                return await FreeTcpPort.AcceptsConnectionsAsync(port);
            },
            TimeSpan.FromSeconds(30),
            "the bare MQTTnet server listens");
        await using var fleet = await DeviceFleet.ConnectAsync(port, options.Devices, withSecrets: false);
        var cpu = new CpuClock(new Dictionary<string, int> { ["mqttnet"] = server.Id, ["bench clients"] = Environment.ProcessId });

        async Task<RoundResult> RoundAsync(int messages)
        {
            cpu.Start();
            var acknowledged = await fleet.PublishAsync(messages / options.Devices);
            return new RoundResult("bare MQTTnet server (publish → PUBACK)", messages, acknowledged, acknowledged, cpu.Stop());
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
