namespace Occupancy.Server.Hubs;

/// <summary>The SignalR groups of the dashboard hub, named in one place.</summary>
public static class DashboardGroups
{
    /// <summary>Connections that follow the counts of every space.</summary>
    public const string Network = "network";

    /// <summary>Connections that follow the desks of one floor. Ids are [a-z0-9-], so the separators are unambiguous.</summary>
    public static string Floor(string spaceId, string floorId) => $"floor:{spaceId}/{floorId}";
}
