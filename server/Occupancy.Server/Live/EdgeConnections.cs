using Occupancy.Server.Live.ScaleOut;
using Occupancy.Server.Models;

namespace Occupancy.Server.Live;

/// <summary>
/// Which sites have an edge connected (a site may briefly have two while one reconnects), so hosts can see an
/// edge that went silent. Changes are pushed to the site's hosts. With several server instances each one tracks the
/// connections of all of them: an edge connects to one instance, and the others hear of it through Redis.
/// </summary>
public sealed class EdgeConnections(DashboardPublisher publisher, LiveUpdatePublisher peers, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (HashSet<string> Connections, DateTimeOffset Since)> _sites = new(StringComparer.Ordinal);

    public EdgeStatus StatusOf(string siteId)
    {
        lock (_gate)
        {
            return _sites.TryGetValue(siteId, out var site)
                ? new EdgeStatus(siteId, site.Connections.Count > 0, site.Since)
                : new EdgeStatus(siteId, false, DateTimeOffset.MinValue);
        }
    }

    public async Task ConnectedAsync(string siteId, string connectionId)
    {
        await ApplyFromPeerAsync(siteId, connectionId, connected: true);
        await peers.EdgeConnectionAsync(siteId, connectionId, connected: true);
    }

    public async Task DisconnectedAsync(string siteId, string connectionId)
    {
        await ApplyFromPeerAsync(siteId, connectionId, connected: false);
        await peers.EdgeConnectionAsync(siteId, connectionId, connected: false);
    }

    /// <summary>An edge connected to (or disconnected from) this instance or, through Redis, another one.</summary>
    public Task ApplyFromPeerAsync(string siteId, string connectionId, bool connected) =>
        ChangeAsync(siteId, connections => _ = connected ? connections.Add(connectionId) : connections.Remove(connectionId));

    private async Task ChangeAsync(string siteId, Action<HashSet<string>> change)
    {
        EdgeStatus? changed = null;
        lock (_gate)
        {
            var site = _sites.TryGetValue(siteId, out var known) ? known : (Connections: new HashSet<string>(StringComparer.Ordinal), Since: DateTimeOffset.MinValue);
            var wasOnline = site.Connections.Count > 0;
            change(site.Connections);
            var online = site.Connections.Count > 0;
            if (online != wasOnline)
            {
                site.Since = clock.GetUtcNow();
                changed = new EdgeStatus(siteId, online, site.Since);
            }

            _sites[siteId] = site;
        }

        if (changed is not null)
        {
            await publisher.EdgeStatusChangedAsync(changed);
        }
    }
}
