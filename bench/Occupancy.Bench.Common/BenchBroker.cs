namespace Occupancy.Bench.Common;

/// <summary>How every benchmark configures its mosquitto, so that all contenders meet the same broker.</summary>
public static class BenchBroker
{
    /// <summary>
    /// mosquitto keeps at most 1,000 messages queued per client by default and drops the rest, QoS 1 too: a subscriber
    /// that falls behind must not lose messages, or it would look faster than it is. Up to 1,000 may be in flight to a
    /// subscriber, as for the edge (its MQTT 5 receive maximum says so; the line covers MQTT 3.1.1). Without
    /// <c>set_tcp_nodelay</c> a small message such as an unlock command waits for the peer's delayed ACK (~40 ms here),
    /// which a deployment turns off too (docs/deployment.md).
    /// </summary>
    public static readonly string[] ConfigLines = ["max_queued_messages 0", "max_inflight_messages 1000", "set_tcp_nodelay true"];
}
