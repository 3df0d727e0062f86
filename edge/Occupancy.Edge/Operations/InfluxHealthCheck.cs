using Microsoft.Extensions.Diagnostics.HealthChecks;
using Occupancy.Edge.Influx;
using Occupancy.Edge.Outbox;

namespace Occupancy.Edge.Operations;

/// <summary>Degraded while InfluxDB cannot be written: the edge keeps accepting, the outbox holds the points.</summary>
public sealed class InfluxHealthCheck(InfluxWriterStatus writer, OutboxLog outbox) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (failing, lastError, failingSince, lastSuccess, deadLettered) = writer.Read();
        var data = new Dictionary<string, object>
        {
            ["behind"] = Math.Max(0, outbox.DurableLsn - outbox.Consumer(OutboxConsumers.Influx).Position),
            ["deadLettered"] = deadLettered,
        };
        if (lastSuccess is { } success)
        {
            data["lastSuccess"] = success.ToString("O");
        }

        return Task.FromResult(failing
            ? HealthCheckResult.Degraded($"failing since {failingSince:O}, retrying: {lastError}", data: data)
            : HealthCheckResult.Healthy(lastSuccess is null ? "nothing written yet" : "writing", data));
    }
}
