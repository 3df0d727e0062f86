using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Occupancy.Bench.DashboardLoad;

/// <summary>
/// Many dashboard connections as browsers make them (WebSockets): each watches the network and one floor, and
/// times every desk state it receives against when that state was sent.
/// </summary>
internal sealed class DashboardClients(Uri baseUrl, SentChanges sent, Latencies latencies) : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];
    private readonly List<int[]> _perSecond = [];
    private long _deskMessages;
    private long _countMessages;

    public long DeskMessages => Interlocked.Read(ref _deskMessages);

    public long CountMessages => Interlocked.Read(ref _countMessages);

    public int Connected => _connections.Count;

    public async Task ConnectAsync(int count, string[] floors, int parallel = 50)
    {
        for (int first = 0; first < count; first += parallel)
        {
            var batch = Enumerable.Range(first, Math.Min(parallel, count - first)).Select(i => ConnectOneAsync(floors[i % floors.Length]));
            _connections.AddRange(await Task.WhenAll(batch));
        }
    }

    private async Task<HubConnection> ConnectOneAsync(string floor)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, "hubs/dashboard"), options => options.Transports = HttpTransportType.WebSockets)
            .Build();
        var seconds = new int[3600];
        lock (_perSecond)
        {
            _perSecond.Add(seconds);
        }

        var started = Stopwatch.GetTimestamp();
        connection.On<DeskStateView[]>("DeskStatesChanged", changes =>
        {
            var now = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref _deskMessages);
            var second = (int)Stopwatch.GetElapsedTime(started, now).TotalSeconds;
            if (second < seconds.Length)
            {
                Interlocked.Increment(ref seconds[second]);
            }

            foreach (var change in changes)
            {
                if (sent.TryLatency(change.Id, change.State, now, out var ms))
                {
                    latencies.Add(ms);
                }
            }
        });
        connection.On<object>("SpaceCountsChanged", _ => Interlocked.Increment(ref _countMessages));
        await connection.StartAsync();
        await connection.InvokeAsync<object>("WatchNetwork");
        await connection.InvokeAsync<FloorPlanMessage>("WatchFloor", "hq", floor);
        return connection;
    }

    /// <summary>The most floor messages any one client received within one second.</summary>
    public int MaxFloorMessagesPerSecond()
    {
        lock (_perSecond)
        {
            return _perSecond.Count == 0 ? 0 : _perSecond.Max(s => s.Max());
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var batch in _connections.Chunk(100))
        {
            await Task.WhenAll(batch.Select(c => c.DisposeAsync().AsTask()));
        }
    }
}
