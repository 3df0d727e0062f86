using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Occupancy.Server.Hubs;
using Occupancy.Server.Live;
using Occupancy.Uplink;

namespace Occupancy.Server.Access;

/// <summary>
/// Sends each affected site's edge its new access replica after a change was committed. Sites are queued and
/// coalesced: a burst of edits to one site sends one replica, built after the burst, so the newest version is what
/// arrives. The whole replica is sent rather than a delta: it is small (a site's passes and credentials, tens of
/// kilobytes for hundreds of members), replacing it is idempotent, and an edge that missed a push for any reason
/// is whole again with the next one or on reconnecting, with no chain of deltas to repair.
/// </summary>
public sealed partial class AccessReplicaPublisher(
    IServiceScopeFactory scopes,
    IHubContext<EdgeHub, IEdgeClient> edges,
    EdgeConnections connections,
    IOptions<AccessOptions> options,
    ILogger<AccessReplicaPublisher> logger) : BackgroundService
{
    private readonly Channel<string> _sites = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Raised after a replica went out to a site's edge group (for tests and metrics).</summary>
    public event Action<AccessReplica>? Pushed;

    /// <summary>Queues the sites whose edges need a new replica; returns at once.</summary>
    public void Publish(IEnumerable<string> siteIds)
    {
        foreach (var site in siteIds)
        {
            _sites.Writer.TryWrite(site);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new HashSet<string>(StringComparer.Ordinal);
        while (await _sites.Reader.WaitToReadAsync(stoppingToken))
        {
            while (_sites.Reader.TryRead(out var site))
            {
                batch.Add(site);
            }

            foreach (var site in batch)
            {
                await PushAsync(site, stoppingToken);
            }

            batch.Clear();
        }
    }

    private async Task PushAsync(string siteId, CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured || !connections.StatusOf(siteId).Online)
        {
            return; // an edge that connects later fetches the replica itself
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var replica = await scope.ServiceProvider.GetRequiredService<AccessReplicaReader>().ReadAsync(siteId, cancellationToken);
            if (replica is null)
            {
                return;
            }

            await edges.Clients.Group(EdgeHub.SiteGroup(siteId)).AccessReplicaChanged(replica);
            LogPushed(siteId, replica.Version, replica.Passes.Length, replica.Credentials.Length);
            Pushed?.Invoke(replica);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The edge still gets the change: it fetches the replica on its next connection.
            LogPushFailed(ex, siteId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Access replica of site {SiteId} version {Version} sent to its edge ({Passes} passes, {Credentials} credentials)")]
    private partial void LogPushed(string siteId, long version, int passes, int credentials);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the access replica of site {SiteId}")]
    private partial void LogPushFailed(Exception ex, string siteId);
}
