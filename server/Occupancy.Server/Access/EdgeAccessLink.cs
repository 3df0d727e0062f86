using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Occupancy.Server.Live;
using Occupancy.Uplink;

namespace Occupancy.Server.Access;

/// <summary>What the edge hub does for access control, so the hub itself only forwards: replicas out, reports and the access log in.</summary>
public sealed class EdgeAccessLink(
    AccessReplicaReader replicas,
    AccessLogWriter log,
    EdgeReplicaReports reports,
    AccessStatusReader statuses,
    DashboardPublisher dashboards,
    IOptions<AccessOptions> options)
{
    public async Task<AccessReplica?> GetReplicaAsync(string siteId, long haveVersion, CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured)
        {
            throw new HubException("Access control is not configured on the server (Access:NetworkKey).");
        }

        var replica = await replicas.ReadAsync(siteId, cancellationToken)
            ?? throw new HubException($"Site '{siteId}' has an edge key but no space on the server.");
        return replica.Version == haveVersion ? null : replica;
    }

    public async Task ReportAsync(string siteId, AccessReplicaReport report, CancellationToken cancellationToken)
    {
        reports.Set(siteId, report);
        if (await statuses.ReadAsync(siteId, cancellationToken) is { } status)
        {
            await dashboards.AccessStatusChangedAsync(status);
        }
    }

    public async Task StoreAsync(string siteId, AccessEvent[] events, CancellationToken cancellationToken)
    {
        if (events.Length > AccessLogWriter.MaxBatch)
        {
            throw new HubException($"At most {AccessLogWriter.MaxBatch} access events per call.");
        }

        await log.StoreAsync(siteId, events, cancellationToken);
    }
}
