using Microsoft.Extensions.Diagnostics.HealthChecks;
using Occupancy.Edge.Outbox;
using Occupancy.Edge.Uplink;

namespace Occupancy.Edge.Operations;

/// <summary>Degraded while the server is unreachable: the edge keeps deciding and queues what the server must get.</summary>
public sealed class ServerLinkHealthCheck(UplinkStatus uplink, OutboxLog outbox) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (state, lastError, since) = uplink.Read();
        var data = new Dictionary<string, object>
        {
            ["state"] = state,
            ["since"] = since.ToString("O"),
            ["behind"] = Math.Max(0, outbox.DurableLsn - outbox.Consumer(OutboxConsumers.Uplink).Position),
        };
        return Task.FromResult(uplink.IsConnected
            ? HealthCheckResult.Healthy("connected", data)
            : HealthCheckResult.Degraded($"{state} since {since:O}{(lastError is null ? "" : ": " + lastError)}", data: data));
    }
}
