using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace Occupancy.Edge.Operations;

/// <summary>
/// OpenTelemetry listens to meters by name, process-wide: with several edges in one process (tests),
/// each would export the others' counts too. This view keeps only the meter this host's
/// <see cref="EdgeMetrics"/> created.
/// </summary>
public sealed class LocalMetersOnly
{
    private Meter? _meter;

    /// <summary>Set by <see cref="EdgeMetrics"/> before it creates any instrument.</summary>
    internal void Own(Meter meter) => _meter = meter;

    internal MetricStreamConfiguration? View(Instrument instrument) =>
        instrument.Meter.Name == EdgeMetrics.MeterName && !ReferenceEquals(instrument.Meter, _meter) ? MetricStreamConfiguration.Drop : null;
}
