namespace Occupancy.Server.Hubs;

/// <summary>The SignalR groups of the dashboard hub, named in one place.</summary>
public static class DashboardGroups
{
    /// <summary>Connections that follow the counts of every space.</summary>
    public const string Network = "network";

    /// <summary>Signed-in admins: they receive every space's host events.</summary>
    public const string Admins = "admins";

    /// <summary>Connections that follow the desks of one floor. Ids are [a-z0-9-], so the separators are unambiguous.</summary>
    public static string Floor(string spaceId, string floorId) => $"floor:{spaceId}/{floorId}";

    /// <summary>
    /// Signed-in hosts of one space: door events, alarms and device health of that space go here (and to
    /// <see cref="Admins"/>), never to members or anonymous connections. Joined on connecting, never by request.
    /// </summary>
    public static string Hosts(string spaceId) => $"hosts:{spaceId}";
}
