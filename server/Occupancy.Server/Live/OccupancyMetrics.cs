using System.Diagnostics.Metrics;

namespace Occupancy.Server.Live;

/// <summary>The server's live-occupancy metrics (meter "Occupancy.Server"), for OpenTelemetry or dotnet-counters.</summary>
public sealed class OccupancyMetrics
{
    public const string MeterName = "Occupancy.Server";

    private readonly Counter<long> _deskChanges;

    public OccupancyMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _deskChanges = meter.CreateCounter<long>(
            "occupancy.server.desk_changes",
            unit: "{change}",
            description: "Desk changes pushed by edges, by site and outcome (applied, unchanged, stale, rejected).");
    }

    public void Record(string siteId, DeskChangeOutcome outcome)
    {
        Add(siteId, "applied", outcome.Applied);
        Add(siteId, "unchanged", outcome.Unchanged);
        Add(siteId, "stale", outcome.Stale);
        Add(siteId, "rejected", outcome.Rejected);
    }

    private void Add(string siteId, string outcome, int count)
    {
        if (count > 0)
        {
            _deskChanges.Add(count, new KeyValuePair<string, object?>("site", siteId), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
