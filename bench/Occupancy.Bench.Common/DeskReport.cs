using MQTTnet;
using MQTTnet.Protocol;
using Occupancy.Firmware.Contract;

namespace Occupancy.Bench.Common;

/// <summary>
/// The reports a benchmark's desk sensors send: the n-th report of a desk is a change of state (odd occupied, even
/// free), so every one is news the edge must store, published at QoS 1 as the firmware does.
/// </summary>
public static class DeskReport
{
    /// <summary>The encoded report number <paramref name="seq"/>, stamped <paramref name="timestampMs"/>.</summary>
    public static string Payload(long seq, long timestampMs)
    {
        string state = seq % 2 == 1 ? DeskStates.Occupied : DeskStates.Free;
        return new DeskStateMessage(state, new MessageHeader(seq, timestampMs, "1.0.0")).Encode();
    }

    public static MqttApplicationMessage Message(string topic, long seq, long timestampMs) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(Payload(seq, timestampMs))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();

    /// <summary>Publishes the report and waits for its acknowledgement; a refusal is an error, never a silent loss.</summary>
    public static async Task PublishAsync(IMqttClient client, string topic, long seq, long timestampMs)
    {
        var ack = await client.PublishAsync(Message(topic, seq, timestampMs));
        if ((int)ack.ReasonCode >= 0x80)
        {
            throw new InvalidOperationException($"report {seq} on {topic} refused: {ack.ReasonCode}");
        }
    }
}
