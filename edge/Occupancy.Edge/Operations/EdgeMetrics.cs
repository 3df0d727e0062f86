using System.Diagnostics.Metrics;

namespace Occupancy.Edge.Operations;

/// <summary>
/// The edge's metrics (Meter <c>Occupancy.Edge</c>), exported for Prometheus on the operations
/// endpoint. Names follow OpenTelemetry conventions; Prometheus sees them with underscores and
/// unit/total suffixes (<c>occupancy_edge_messages_total</c>).
/// </summary>
public sealed class EdgeMetrics
{
    public const string MeterName = "Occupancy.Edge";

    /// <summary>From half a millisecond (an fsync on a fast disk) to ten seconds (a struggling InfluxDB).</summary>
    private static readonly InstrumentAdvice<double> SecondsBuckets = new()
    {
        HistogramBucketBoundaries = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    };

    private readonly Counter<long> _messages;
    private readonly Counter<long> _rejections;
    private readonly Counter<long> _duplicates;
    private readonly Histogram<double> _commitDuration;
    private readonly Histogram<long> _commitRecords;
    private readonly Counter<long> _outboxWriteFailures;
    private readonly Histogram<double> _influxWriteDuration;
    private readonly Counter<long> _influxPoints;
    private Func<IEnumerable<Measurement<long>>> _outboxDepth = () => [];
    private Func<IEnumerable<Measurement<double>>> _outboxAge = () => [];
    private Func<int> _uplinkConnected = () => 0;
    private Func<IEnumerable<Measurement<long>>> _desks = () => [];

    public EdgeMetrics(IMeterFactory meterFactory, LocalMetersOnly? localMeters = null)
    {
        var meter = meterFactory.Create(MeterName);
        localMeters?.Own(meter);
        _messages = meter.CreateCounter<long>("occupancy.edge.messages", "{message}", "Device messages accepted, by kind");
        _rejections = meter.CreateCounter<long>("occupancy.edge.rejections", "{message}", "Device messages refused, by reason");
        _duplicates = meter.CreateCounter<long>("occupancy.edge.duplicates", "{message}", "Repeated or reordered desk reports recognised by sequence number");
        _commitDuration = meter.CreateHistogram("occupancy.edge.outbox.commit.duration", "s", "Time to write and fsync one outbox batch", advice: SecondsBuckets);
        _commitRecords = meter.CreateHistogram("occupancy.edge.outbox.commit.records", "{record}", "Records per outbox fsync (group commit)", advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] });
        _outboxWriteFailures = meter.CreateCounter<long>("occupancy.edge.outbox.write.failures", "{attempt}", "Outbox writes the disk refused");
        _influxWriteDuration = meter.CreateHistogram("occupancy.edge.influx.write.duration", "s", "Time of one /write request to InfluxDB, by outcome", advice: SecondsBuckets);
        _influxPoints = meter.CreateCounter<long>("occupancy.edge.influx.points", "{point}", "Points InfluxDB accepted");
        meter.CreateObservableGauge("occupancy.edge.outbox.depth", () => _outboxDepth(), "{record}", "Records on disk a consumer has not shipped yet");
        meter.CreateObservableGauge("occupancy.edge.outbox.age", () => _outboxAge(), "s", "Age of the oldest record a consumer has not shipped yet");
        meter.CreateObservableGauge("occupancy.edge.desks", () => _desks(), "{desk}", "Desks of the site now, by floor, zone and state (free, occupied, unknown)");
        meter.CreateObservableGauge("occupancy.edge.uplink.connected", () => _uplinkConnected(), "{state}", "1 while the server link is up");
    }

    public void MessageAccepted(string kind) => _messages.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void MessageRejected(string reason) => _rejections.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void DuplicateRecognised() => _duplicates.Add(1);

    public void RecordOutboxCommit(TimeSpan elapsed, long records)
    {
        _commitDuration.Record(elapsed.TotalSeconds);
        _commitRecords.Record(records);
    }

    public void RecordOutboxWriteFailure() => _outboxWriteFailures.Add(1);

    public void RecordInfluxWrite(TimeSpan elapsed, string outcome, int points)
    {
        _influxWriteDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
        if (outcome == "ok")
        {
            _influxPoints.Add(points);
        }
    }

    public void ObserveOutbox(Func<IEnumerable<Measurement<long>>> depth, Func<IEnumerable<Measurement<double>>> age)
    {
        _outboxDepth = depth;
        _outboxAge = age;
    }

    public void ObserveDesks(Func<IEnumerable<Measurement<long>>> desks) => _desks = desks;

    public void ObserveUplink(Func<int> connected) => _uplinkConnected = connected;
}
