using Microsoft.Extensions.Diagnostics.HealthChecks;
using Occupancy.Edge.Outbox;

namespace Occupancy.Edge.Operations;

/// <summary>Unhealthy while the disk refuses the outbox's writes: devices are being refused then.</summary>
public sealed class OutboxHealthCheck(OutboxLog outbox) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = outbox.Status();
        var data = new Dictionary<string, object>
        {
            ["durableLsn"] = status.DurableLsn,
            ["pendingBytes"] = status.PendingBytes,
            ["segments"] = status.Segments,
        };
        foreach (var consumer in outbox.Consumers)
        {
            data[$"behind.{consumer.Name}"] = Math.Max(0, status.DurableLsn - consumer.Position);
        }

        return Task.FromResult(status.Failing
            ? HealthCheckResult.Unhealthy($"cannot write to disk since {status.FailingSince:O}: {status.LastError}", data: data)
            : HealthCheckResult.Healthy("writing", data));
    }
}
