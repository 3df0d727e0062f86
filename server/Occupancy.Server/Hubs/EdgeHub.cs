using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Occupancy.Server.Access;
using Occupancy.Server.Authentication;
using Occupancy.Server.Data;
using Occupancy.Server.Live;
using Occupancy.Uplink;

namespace Occupancy.Server.Hubs;

/// <summary>
/// The hub edge gateways connect to, authenticated by their site key (see SiteKeyAuthenticationHandler).
/// Every call acts on the caller's own site only, taken from the authenticated principal.
/// </summary>
public sealed partial class EdgeHub(SiteConfigReader siteConfigs, LiveOccupancy live, EdgeConnections edges, EdgeAccessLink access, ILogger<EdgeHub> logger)
    : Hub<IEdgeClient>, IEdgeHub
{
    private string SiteId =>
        Context.User?.FindFirstValue(SiteKeyDefaults.SiteClaim)
        ?? throw new HubException("This connection is not authenticated as an edge.");

    /// <summary>The group of a site's edge connections: SiteConfigChanged goes there when the site's layout changes.</summary>
    public static string SiteGroup(string siteId) => $"site:{siteId}";

    public override async Task OnConnectedAsync()
    {
        LogConnected(SiteId, Context.ConnectionId);
        await Groups.AddToGroupAsync(Context.ConnectionId, SiteGroup(SiteId), Context.ConnectionAborted);
        await edges.ConnectedAsync(SiteId, Context.ConnectionId);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        LogDisconnected(SiteId, Context.ConnectionId, exception?.Message ?? "closed");
        await edges.DisconnectedAsync(SiteId, Context.ConnectionId);
    }

    public async Task<SiteConfig> GetSiteConfig() =>
        await siteConfigs.ReadAsync(SiteId, Context.ConnectionAborted)
        ?? throw new HubException($"Site '{SiteId}' has an edge key but no space on the server.");

    public async Task PushDeskStates(DeskStateChange[] changes) =>
        await live.ApplyAsync(SiteId, changes ?? [], Context.ConnectionAborted);

    public async Task<AccessReplica?> GetAccessReplica(long haveVersion) =>
        await access.GetReplicaAsync(SiteId, haveVersion, Context.ConnectionAborted);

    public async Task ReportAccessReplica(AccessReplicaReport report) =>
        await access.ReportAsync(SiteId, report ?? throw new HubException("A report is required."), Context.ConnectionAborted);

    public async Task PushAccessEvents(AccessEvent[] events) =>
        await access.StoreAsync(SiteId, events ?? [], Context.ConnectionAborted);

    [LoggerMessage(Level = LogLevel.Information, Message = "Edge of site {SiteId} connected ({ConnectionId})")]
    private partial void LogConnected(string siteId, string connectionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Edge of site {SiteId} disconnected ({ConnectionId}): {Reason}")]
    private partial void LogDisconnected(string siteId, string connectionId, string reason);
}
