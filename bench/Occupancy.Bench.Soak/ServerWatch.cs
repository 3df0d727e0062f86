using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Occupancy.Firmware.Contract;

namespace Occupancy.Bench.Soak;

/// <summary>
/// Dashboard connections to the server, one per floor, as browsers watch floors. The soak's server pushes every
/// change as it applies it, so a desk state arriving here marks when the server had it: sensor → server is timed
/// from the load generator's publish of that desk's report to this arrival.
/// </summary>
internal sealed class ServerWatch : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];
    private readonly ConcurrentQueue<double> _latenciesMs = new();
    private readonly SiteLoad _load;
    private long _changes;
    private long _unknown;
    private long _late;

    private ServerWatch(SiteLoad load) => _load = load;

    /// <summary>Desk states the server pushed that match the desk's latest report (each one a report that reached the server).</summary>
    public long Changes => Interlocked.Read(ref _changes);

    /// <summary>Desks the edge called unknown (sensor silent longer than its heartbeat allows), as the server passed them on.</summary>
    public long Unknown => Interlocked.Read(ref _unknown);

    /// <summary>
    /// States that arrived after their desk had already reported again (the next, opposite state was published):
    /// changes later than the gap between a desk's reports, not timed here.
    /// </summary>
    public long Late => Interlocked.Read(ref _late);

    public static async Task<ServerWatch> StartAsync(Uri server, int floors, SiteLoad load)
    {
        var watch = new ServerWatch(load);
        for (int f = 0; f < floors; f++)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(server, "hubs/dashboard"), options => options.Transports = HttpTransportType.WebSockets)
                .Build();
            connection.On<DeskStateWire[]>("DeskStatesChanged", watch.OnDeskStates);
            watch._connections.Add(connection);
            await connection.StartAsync();
            await connection.InvokeAsync<object>("WatchFloor", SoakSite.SiteId, SoakSite.FloorId(f));
        }

        return watch;
    }

    /// <summary>Sensor → server latencies (ms) of the changes seen since the last call.</summary>
    public List<double> DrainLatencies()
    {
        var drained = new List<double>();
        while (_latenciesMs.TryDequeue(out double ms))
        {
            drained.Add(ms);
        }

        return drained;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    private void OnDeskStates(DeskStateWire[] desks)
    {
        long now = Stopwatch.GetTimestamp();
        foreach (var desk in desks)
        {
            if (desk.State == DeskStates.Unknown)
            {
                Interlocked.Increment(ref _unknown);
                continue;
            }

            int index = SoakSite.DeskIndex(desk.Id);
            if (index >= 0 && _load.LastReport(index) is { Seq: > 0 } last && last.State == desk.State)
            {
                Interlocked.Increment(ref _changes);
                _latenciesMs.Enqueue(Stopwatch.GetElapsedTime(last.PublishedTicks, now).TotalMilliseconds);
            }
            else
            {
                Interlocked.Increment(ref _late);
            }
        }
    }

    /// <summary>The fields of a pushed desk state this benchmark reads.</summary>
    internal sealed record DeskStateWire(string SpaceId, string FloorId, string Id, string State);
}
