using Microsoft.AspNetCore.SignalR.Client;
using Occupancy.Edge.Access;
using Occupancy.Uplink;

namespace Occupancy.Edge.Uplink;

/// <summary>
/// Keeps the edge's access replica in step with the server: fetched on every connection (nothing is sent when the
/// edge's version is current), replaced whenever the server pushes a change, and applied at once without a
/// restart. After each sync the edge reports the version it decides from and when it was confirmed, so hosts see
/// how old the rules at their doors are. Does nothing on an edge without door keys (no store).
/// </summary>
public sealed partial class AccessReplicaSync(IServiceProvider services, ILogger<AccessReplicaSync> logger)
{
    private readonly AccessReplicaStore? _store = services.GetService<AccessReplicaStore>();

    /// <summary>Subscribes to the server's pushes on a connection not yet started.</summary>
    public void Register(HubConnection connection)
    {
        if (_store is null)
        {
            return;
        }

        connection.On<AccessReplica>(nameof(IEdgeClient.AccessReplicaChanged), async replica =>
        {
            Apply(replica);
            await ReportAsync(connection, CancellationToken.None);
        });
    }

    /// <summary>Fetches the replica after a (re)connection.</summary>
    public async Task OnConnectedAsync(HubConnection connection, CancellationToken cancellationToken)
    {
        if (_store is null)
        {
            return;
        }

        var replica = await connection.InvokeAsync<AccessReplica?>(nameof(IEdgeHub.GetAccessReplica), _store.Current?.Version ?? -1, cancellationToken);
        if (replica is null)
        {
            _store.Confirm();
        }
        else
        {
            Apply(replica);
        }

        await ReportAsync(connection, cancellationToken);
    }

    private void Apply(AccessReplica replica)
    {
        if (_store!.Apply(replica))
        {
            LogApplied(logger, replica.Version, replica.Passes.Length, replica.Credentials.Length, replica.Lockdown);
        }
    }

    private async Task ReportAsync(HubConnection connection, CancellationToken cancellationToken)
    {
        if (_store!.Current is { } current && _store.SyncedAtMs is { } synced)
        {
            await connection.InvokeAsync(nameof(IEdgeHub.ReportAccessReplica), new AccessReplicaReport(current.Version, synced), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Access replica version {Version} applied: {Passes} passes, {Credentials} credentials, lockdown {Lockdown}")]
    private static partial void LogApplied(ILogger logger, long version, int passes, int credentials, bool lockdown);
}
