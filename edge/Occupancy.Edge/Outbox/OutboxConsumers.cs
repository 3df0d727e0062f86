namespace Occupancy.Edge.Outbox;

/// <summary>The jobs that read the outbox. A segment is deleted only once every one of them is past it.</summary>
public static class OutboxConsumers
{
    public const string Influx = "influx";
    public const string Uplink = "uplink";

    /// <summary>Door decisions and alarms forwarded to the server's access log.</summary>
    public const string Audit = "audit";

    public static readonly string[] All = [Influx, Uplink, Audit];
}
