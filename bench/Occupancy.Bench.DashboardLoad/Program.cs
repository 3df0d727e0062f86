using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;
using Occupancy.Bench.DashboardLoad;

// Usage: Occupancy.Bench.DashboardLoad [--clients 1000] [--seconds 30] [--rate 20] [--flips 60]
int clients = CommandLine.Int(args, "--clients", 1000);
int seconds = CommandLine.Int(args, "--seconds", 30);
int rate = CommandLine.Int(args, "--rate", 20);
int flips = CommandLine.Int(args, "--flips", 60);
const string SiteKey = "bench-site-key";

var root = BuildOutput.RepoRoot;
Console.WriteLine($"Machine: {Machine.Describe()}");
Console.WriteLine($"Load average before: {Machine.Load()}");
await using var server = await ServerProcess.StartAsync(root, SiteKey);
Console.WriteLine($"Server pid {server.Pid} on {server.BaseUrl}; resident {server.ResidentMiB():F0} MiB");

// 1. Sensor → browser with nobody else watching: the latency a member sees on a quiet server.
await using var sensorPath = await SensorToBrowser.StartAsync(server.BaseUrl, SiteKey);
await sensorPath.MeasureAsync(5, TimeSpan.FromMilliseconds(400), new Latencies()); // warm-up: first calls JIT the path
var idleSensor = new Latencies();
await sensorPath.MeasureAsync(Math.Max(10, flips / 2), TimeSpan.FromMilliseconds(400), idleSensor);
Console.WriteLine($"Sensor report → browser, idle server: {idleSensor.Summary()}");

// 2. N dashboard clients, then desk changes through the edge hub at a steady rate.
var sent = new SentChanges();
var delivered = new Latencies();
await using var dashboards = new DashboardClients(server.BaseUrl, sent, delivered);
var connectStarted = DateTime.UtcNow;
await dashboards.ConnectAsync(clients, ["floor-1", "floor-2"]);
var connectTime = DateTime.UtcNow - connectStarted;
var residentConnected = server.ResidentMiB();
Console.WriteLine($"{dashboards.Connected} dashboard clients connected in {connectTime.TotalSeconds:F1} s; server resident {residentConnected:F0} MiB");

await using var driver = new EdgeHubDriver(server.BaseUrl, SiteKey, sent);
await driver.StartAsync();
// desk-101 is the sensor's: the driver flips every other desk of the demo space.
string[] desks = [.. Enumerable.Range(2, 23).Select(i => $"desk-{100 + i}"), .. Enumerable.Range(1, 24).Select(i => $"desk-{200 + i}")];
var cpuBefore = server.CpuTime();
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
var driving = driver.RunAsync(desks, rate, stop.Token);

// 3. Meanwhile, the sensor path again: what a member sees while the server serves everyone else.
var loadedSensor = new Latencies();
await sensorPath.MeasureAsync(flips, TimeSpan.FromMilliseconds(400), loadedSensor);
await driving;
await Task.Delay(1000); // the last coalesced pushes
var cpu = server.CpuTime() - cpuBefore;
var residentEnd = server.ResidentMiB();

Console.WriteLine();
Console.WriteLine($"| clients | changes pushed (rate) | floor messages delivered | count messages | most floor messages to one client in 1 s | delivery p50 / p90 / p99 / max | server CPU | server memory (connected → end) |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {dashboards.Connected:N0} | {driver.Pushed:N0} ({rate}/s for {seconds} s) | {dashboards.DeskMessages:N0} | {dashboards.CountMessages:N0} | {dashboards.MaxFloorMessagesPerSecond()} | {delivered.Summary()} | {cpu.TotalSeconds / seconds * 100:F0}% of one core | {residentConnected:F0} → {residentEnd:F0} MiB |"));
Console.WriteLine();
Console.WriteLine($"Sensor report → browser, idle server:        {idleSensor.Summary()}");
Console.WriteLine($"Sensor report → browser, {dashboards.Connected:N0} clients + {rate}/s: {loadedSensor.Summary()}");
Console.WriteLine($"Load average after: {Machine.Load()}");
