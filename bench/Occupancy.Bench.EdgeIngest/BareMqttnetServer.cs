using MQTTnet.Server;
using Occupancy.Edge.Mqtt;
using Occupancy.Edge.Options;

namespace Occupancy.Bench.EdgeIngest;

/// <summary>
/// MQTTnet's server on the edge's own listener and settings (<see cref="BrokerListener"/>: Kestrel's sockets, inline
/// scheduling, the same per-client queue), with nothing behind it: each publish is acknowledged as soon as it is
/// parsed, not checked, not stored, not forwarded. Its rate is the most the edge's broker could reach on this machine
/// with the edge's own work at zero, which tells what of the gap to the mosquitto relay is the edge and what is the
/// broker it is built on. Runs as its own process (this benchmark started again with <see cref="Flag"/>), so its CPU
/// is counted apart.
/// </summary>
internal static class BareMqttnetServer
{
    public const string Flag = "--serve-bare-mqttnet";

    /// <summary>Serves on 127.0.0.1:<paramref name="port"/> until the benchmark's process <paramref name="benchPid"/> has gone.</summary>
    public static async Task<int> ServeAsync(int port, int benchPid)
    {
        var connections = BrokerListener.CreateHandler();
        using var server = new MqttServerFactory().CreateMqttServer(BrokerListener.ServerOptions(), [connections]);
        server.InterceptingPublishAsync += e =>
        {
            e.ProcessPublish = false;
            return Task.CompletedTask;
        };
        await server.StartAsync();
        await using var listener = await BrokerListener.StartAsync(new MqttOptions { BindAddress = "127.0.0.1", Port = port }, connections, CancellationToken.None);
        Console.WriteLine("listening");
        await System.Diagnostics.Process.GetProcessById(benchPid).WaitForExitAsync();
        await server.StopAsync();
        return 0;
    }
}
