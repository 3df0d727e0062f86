using System.Collections.Concurrent;
using Occupancy.Uplink;

namespace Occupancy.Server.Access;

/// <summary>The replica each site's edge last said it decides from. In memory: an edge reports again on connecting.</summary>
public sealed class EdgeReplicaReports
{
    private readonly ConcurrentDictionary<string, AccessReplicaReport> _reports = new(StringComparer.Ordinal);

    public void Set(string siteId, AccessReplicaReport report) => _reports[siteId] = report;

    public AccessReplicaReport? Of(string siteId) => _reports.TryGetValue(siteId, out var report) ? report : null;
}
