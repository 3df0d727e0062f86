using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet.AspNetCore;
using MQTTnet.Server;

namespace Occupancy.Bench.EdgeIngest;

/// <summary>
/// MQTTnet's server listening as the edge's embedded broker does (Kestrel's sockets, inline scheduling, the same
/// per-client queue), with nothing behind it: each publish is acknowledged as soon as it is parsed, not checked, not
/// stored, not forwarded. Its rate is the most the edge's broker could reach on this machine with the edge's own work
/// at zero, which tells what of the gap to the mosquitto relay is the edge and what is the broker it is built on.
/// Runs as its own process (this benchmark started again with <see cref="Flag"/>), so its CPU is counted apart.
/// </summary>
internal static class BareMqttnetServer
{
    public const string Flag = "--serve-bare-mqttnet";

    /// <summary>Serves on 127.0.0.1:<paramref name="port"/> until the benchmark's process <paramref name="benchPid"/> has gone.</summary>
    public static async Task<int> ServeAsync(int port, int benchPid)
    {
        var connections = new MqttConnectionHandler();
        using var server = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder().WithMaxPendingMessagesPerClient(10_000).Build(), [connections]);
        server.InterceptingPublishAsync += e =>
        {
            e.ProcessPublish = false;
            return Task.CompletedTask;
        };
        await server.StartAsync();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.Run(connections.OnConnectedAsync)));
        await using var host = builder.Build();
        await host.StartAsync();
        Console.WriteLine("listening");
        await System.Diagnostics.Process.GetProcessById(benchPid).WaitForExitAsync();
        await server.StopAsync();
        return 0;
    }
}
