using Occupancy.Bench.TapToUnlock;
using Occupancy.Testing;

// Tap-to-unlock: a reader's request → the edge's decision, durably recorded → the signed command
// back at the reader, one tap at a time; first on an idle edge, then with desk sensors streaming.
var options = TapOptions.Parse(args);
Console.WriteLine($"Tap-to-unlock benchmark ({options.Mode} broker): {options.Taps:N0} taps per scenario; background: {options.Desks:N0} desk sensors sending {options.Rate:N0} reports/s together");
Console.WriteLine($"Machine: {Machine.Describe()}; load average before: {Machine.Load()}");

await using var influx = await InfluxdServer.StartAsync();

// External mode: devices and the edge meet at a mosquitto (anonymous here: the bench measures latency, not logins).
await using var broker = options.External
    ? await MosquittoServer.StartAsync(new MosquittoOptions { ExtraConfigLines = BenchBroker.ConfigLines })
    : null;
string data = Directory.CreateTempSubdirectory("occupancy-bench-tap-").FullName;
var results = new List<ScenarioLatencies>();
var commits = new List<CommitTimes>();
try
{
    BenchSite.Prepare(data, options.Desks);
    int mqttPort = broker?.Port ?? FreeTcpPort.Next();
    var settings = new Dictionary<string, string>
    {
        ["Edge:SiteId"] = BenchSite.SiteId,
        ["Edge:DataDirectory"] = data,
        ["Mqtt:Port"] = options.External ? FreeTcpPort.Next().ToString() : mqttPort.ToString(),
        ["Influx:Url"] = influx.BaseUri.ToString(),
        ["Influx:Database"] = "bench",
        ["Uplink:ServerUrl"] = "http://127.0.0.1:9",
        ["Uplink:SiteKey"] = "bench",
        ["Access:DoorMasterKey"] = BenchSite.DoorMasterKeyHex,
        ["Access:NetworkKey"] = BenchSite.NetworkKeyHex,
        ["Logging:LogLevel:Default"] = "Warning",
    };
    if (broker is not null)
    {
        settings["Mqtt:Mode"] = "external";
        settings["Mqtt:External:Host"] = broker.Host;
        settings["Mqtt:External:Port"] = broker.Port.ToString();
        settings["Mqtt:External:ClientId"] = "edge-bench";
    }

    await using var edge = await EdgeProcess.StartAsync(settings);
    if (broker is not null)
    {
        // Subscribed once /readyz says so: both the desk reports' and the doors' connections.
        await edge.WaitUntilReadyAsync();
    }

    await using var reader = await DoorReaderClient.ConnectAsync(mqttPort);

    var before = CommitTimes.Parse(await edge.MetricsAsync());
    results.Add(await RunAsync("idle edge", reader, options.Taps));
    var idleCommits = CommitTimes.Parse(await edge.MetricsAsync());
    commits.Add(idleCommits.Since(before));

    await using var desks = await BackgroundDesks.ConnectAsync(mqttPort, options.Desks);
    desks.Start(options.Rate);
    await Task.Delay(TimeSpan.FromSeconds(3));
    long sentBefore = desks.Sent;
    var started = DateTime.UtcNow;
    var loadedBefore = CommitTimes.Parse(await edge.MetricsAsync());
    results.Add(await RunAsync($"{options.Desks:N0} desks streaming", reader, options.Taps));
    commits.Add(CommitTimes.Parse(await edge.MetricsAsync()).Since(loadedBefore));
    double achieved = (desks.Sent - sentBefore) / (DateTime.UtcNow - started).TotalSeconds;
    Console.WriteLine($"Background reports during the taps: {achieved:N0}/s acknowledged; load average after: {Machine.Load()}");
}
finally
{
    Directory.Delete(data, recursive: true);
}

Console.WriteLine();
Console.WriteLine($"| {"scenario",-24} | {"taps",6} | {"p50 ms",7} | {"p90 ms",7} | {"p99 ms",7} | {"max ms",7} |");
Console.WriteLine($"|{new string('-', 26)}|{new string('-', 8)}|{new string('-', 9)}|{new string('-', 9)}|{new string('-', 9)}|{new string('-', 9)}|");
foreach (var r in results)
{
    Console.WriteLine($"| {r.Scenario,-24} | {r.Count,6:N0} | {r.Percentile(50),7:F2} | {r.Percentile(90),7:F2} | {r.Percentile(99),7:F2} | {r.Max,7:F2} |");
}

Console.WriteLine();
Console.WriteLine("The edge's outbox commits (write + fsync) meanwhile, from its histogram:");
for (int i = 0; i < commits.Count; i++)
{
    var c = commits[i];
    Console.WriteLine($"  {results[i].Scenario}: {c.Total:N0} commits, p50 {c.Percentile(50)} ms, p99 {c.Percentile(99)} ms");
}

return 0;

static async Task<ScenarioLatencies> RunAsync(string scenario, DoorReaderClient reader, int taps)
{
    // A few taps first: JIT and connection warm-up are not what a member waits for.
    for (int i = 0; i < 20; i++)
    {
        await reader.TapAsync();
    }

    var samples = new List<double>(taps);
    for (int i = 0; i < taps; i++)
    {
        samples.Add(await reader.TapAsync());

        // Taps a little apart, as people come through a door: each measured on its own, not queued behind the last.
        await Task.Delay(TimeSpan.FromMilliseconds(10));
    }

    return new ScenarioLatencies(scenario, samples);
}
