using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Occupancy.Uplink;

namespace Occupancy.Bench.DashboardLoad;

/// <summary>An edge connection that flips desks at a steady rate through the edge hub, recording when each state was sent.</summary>
internal sealed class EdgeHubDriver(Uri baseUrl, string siteKey, SentChanges sent) : IAsyncDisposable
{
    private readonly HubConnection _connection = new HubConnectionBuilder()
        .WithUrl(new Uri(baseUrl, EdgeHubContract.Path.TrimStart('/')), options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.Headers[EdgeHubContract.SiteKeyHeader] = siteKey;
        })
        .Build();

    public long Pushed { get; private set; }

    public Task StartAsync() => _connection.StartAsync();

    /// <summary>Flips <paramref name="desks"/> round-robin, <paramref name="perSecond"/> changes a second, until cancelled.</summary>
    public async Task RunAsync(string[] desks, int perSecond, CancellationToken cancellationToken)
    {
        var states = desks.ToDictionary(d => d, _ => "free");
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var next = Stopwatch.GetTimestamp();
        long ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (long i = 0; !cancellationToken.IsCancellationRequested; i++)
        {
            var desk = desks[i % desks.Length];
            var state = states[desk] = states[desk] == "free" ? "occupied" : "free";
            var at = Stopwatch.GetTimestamp();
            sent.Sent(desk, state, at);
            await _connection.InvokeAsync(nameof(IEdgeHub.PushDeskStates), new[] { new DeskStateChange(desk, state, ++ts) });
            Pushed++;
            next += (long)(interval.TotalSeconds * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
