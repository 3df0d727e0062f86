using System.Diagnostics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Occupancy.Firmware.Contract;

namespace Occupancy.Bench.Race;

/// <summary>
/// The generated stream both contenders take: desk state reports, QoS 1, each a change of state
/// (occupied, free, occupied, …), published in order per desk. Many desks share a few publisher
/// connections (a load generator, not device logins: in external-broker mode the broker, not the
/// edge, checks who may publish).
/// </summary>
internal sealed class DeskStream(RaceOptions options, string siteId, long baseTimestampMs)
{
    public static string DeviceId(int index) => $"sensor-{index + 1}";

    /// <summary>Publishes the whole stream to the broker; returns when mosquitto has acknowledged every report.</summary>
    public async Task<TimeSpan> PublishAsync(string host, int port)
    {
        var factory = new MqttClientFactory();
        var clients = new List<IMqttClient>();
        try
        {
            for (int c = 0; c < options.Connections; c++)
            {
                var client = factory.CreateMqttClient();
                clients.Add(client);
                var result = await client.ConnectAsync(new MqttClientOptionsBuilder()
                    .WithTcpServer(host, port)
                    .WithClientId($"race-publisher-{c + 1}")
                    .WithProtocolVersion(MqttProtocolVersion.V500)
                    .WithTimeout(TimeSpan.FromSeconds(30))
                    .Build());
                if (result.ResultCode != MqttClientConnectResultCode.Success)
                {
                    throw new InvalidOperationException($"publisher {c + 1} could not connect: {result.ResultCode}");
                }
            }

            int perDevice = options.Messages / options.Devices;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, options.Devices).Select(d => PublishDeskAsync(clients[d % clients.Count], d, perDevice)));
            return clock.Elapsed;
        }
        finally
        {
            foreach (var client in clients)
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync();
                }

                client.Dispose();
            }
        }
    }

    private async Task PublishDeskAsync(IMqttClient client, int index, int count)
    {
        string topic = DeviceTopic.Build(siteId, DeviceKinds.Desk, DeviceId(index), Channels.State);
        for (long seq = 1; seq <= count; seq++)
        {
            await DeskReport.PublishAsync(client, topic, seq, baseTimestampMs + (seq * 1000));
        }
    }
}
