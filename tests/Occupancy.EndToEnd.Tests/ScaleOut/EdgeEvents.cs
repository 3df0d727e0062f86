using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Occupancy.Server.Models;

namespace Occupancy.EndToEnd.Tests.ScaleOut;

/// <summary>The edge status events a dashboard connection receives, in arrival order.</summary>
internal sealed class EdgeEvents : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ConcurrentQueue<EdgeStatus> _received = new();

    public EdgeEvents(HubConnection connection)
    {
        _connection = connection;
        connection.On<EdgeStatus>("EdgeStatusChanged", _received.Enqueue);
    }

    public IReadOnlyCollection<EdgeStatus> Received => _received.ToArray();

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
