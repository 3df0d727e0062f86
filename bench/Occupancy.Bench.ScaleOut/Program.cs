using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Occupancy.Testing;
using Occupancy.Uplink;

// Usage: Occupancy.Bench.ScaleOut [--flips 100] [--gap-ms 400]
// The gap keeps each change past the dashboards' coalescing interval (250 ms), so every change is pushed at once.
int flips = CommandLine.Int(args, "--flips", 100);
int gapMs = CommandLine.Int(args, "--gap-ms", 400);
const string SiteKey = "bench-scale-out-site-key";
const string Desk = "desk-101";

var root = BuildOutput.RepoRoot;
Console.WriteLine($"Machine: {Machine.Describe()}");
Console.WriteLine($"Load average before: {Machine.Load()}");

await using var postgres = await PostgresServer.StartAsync();
await using var redis = await RedisServer.StartAsync();
var settings = new Dictionary<string, string>
{
    ["ConnectionStrings:Occupancy"] = postgres.ConnectionString("occupancy_bench"),
    ["Server:Redis"] = redis.ConnectionString,
    ["Seed:NetworkFile"] = Path.Combine(root, "scripts/demo/network.json"),
    ["EdgeKeys:hq"] = SiteKey,
};
await using var instanceA = await ServerInstance.StartAsync(settings); // migrates and seeds the database
await using var instanceB = await ServerInstance.StartAsync(settings);
Console.WriteLine($"Instances on {instanceA.BaseUrl} and {instanceB.BaseUrl}; PostgreSQL :{postgres.Port}, Redis :{redis.Port}");

var onA = new Latencies();
var onB = new Latencies();
var sent = new Dictionary<long, long>(); // change timestamp → Stopwatch ticks when pushed
await using var dashboardA = await WatchAsync(instanceA.BaseUrl, onA);
await using var dashboardB = await WatchAsync(instanceB.BaseUrl, onB);
await using var edge = new HubConnectionBuilder()
    .WithUrl(new Uri(instanceA.BaseUrl, EdgeHubContract.Path.TrimStart('/')), options =>
    {
        options.Transports = HttpTransportType.WebSockets;
        options.Headers[EdgeHubContract.SiteKeyHeader] = SiteKey;
    })
    .Build();
await edge.StartAsync();

long baseTs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
for (int i = 0; i < flips + 5; i++)
{
    // The first five warm the path up (JIT, connection pools) and are not counted.
    if (i == 5)
    {
        onA.Clear();
        onB.Clear();
    }

    long ts = baseTs + i;
    lock (sent)
    {
        sent[ts % 2] = Stopwatch.GetTimestamp();
    }

    await edge.InvokeAsync(nameof(IEdgeHub.PushDeskStates), new[] { new DeskStateChange(Desk, i % 2 == 0 ? "occupied" : "free", ts) });
    await Task.Delay(gapMs);
}

await Task.Delay(1000);
Console.WriteLine();
Console.WriteLine("| edge pushes into | dashboard connected to | desk change → DeskStatesChanged p50 / p90 / p99 / max |");
Console.WriteLine("|---|---|---|");
Console.WriteLine($"| instance A | instance A (same instance) | {onA.Summary()} |");
Console.WriteLine($"| instance A | instance B (through Redis) | {onB.Summary()} |");
Console.WriteLine($"Load average after: {Machine.Load()}");

async Task<HubConnection> WatchAsync(Uri server, Latencies latencies)
{
    var connection = new HubConnectionBuilder()
        .WithUrl(new Uri(server, "hubs/dashboard"), options => options.Transports = HttpTransportType.WebSockets)
        .Build();
    connection.On<DeskStateWire[]>("DeskStatesChanged", changes =>
    {
        long now = Stopwatch.GetTimestamp();
        foreach (var change in changes.Where(c => c.Id == Desk))
        {
            long parity = change.State == "occupied" ? 0 : 1;
            long pushedAt;
            lock (sent)
            {
                if (!sent.TryGetValue(parity, out pushedAt))
                {
                    continue;
                }
            }

            latencies.Add(Stopwatch.GetElapsedTime(pushedAt, now).TotalMilliseconds);
        }
    });
    await connection.StartAsync();
    await connection.InvokeAsync<object>("WatchFloor", "hq", "floor-1");
    return connection;
}

/// <summary>The fields of a pushed desk state this benchmark reads.</summary>
internal sealed record DeskStateWire(string SpaceId, string FloorId, string Id, string State);
