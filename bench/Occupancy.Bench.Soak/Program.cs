using System.Diagnostics;
using Occupancy.Bench.Soak;
using Occupancy.Testing;

// The soak (issue 7): a whole site against one edge and the server for --minutes, a working day compressed, with a burst.
var options = SoakOptions.Parse(args);
int floors = SoakSite.Floors(options);
Console.WriteLine($"Soak: {options.Desks:N0} desks on {floors} floors and {options.Doors} doors against one edge for {options.Minutes} min (a day compressed ×{24 * 60 / options.Minutes:N0}); "
    + $"busiest hour {options.Rate:N0} desk reports/s and {options.Taps} taps/s, ×{options.Burst} burst from {DayShape.BurstStart * 24:0.0} h to {DayShape.BurstEnd * 24:0.0} h");
Console.WriteLine($"Machine: {MachineInfo.Describe()}; load average at start {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine("Devices: a load generator over a few connections to mosquitto, the edge in external-broker mode (one MQTT 5 shared subscription), "
    + $"the server as its own process with {floors} dashboard connections (one per floor)");

await using var influx = await InfluxdServer.StartAsync();
await using var broker = await MosquittoServer.StartAsync(new MosquittoOptions { ExtraConfigLines = BenchBroker.ConfigLines });
await using var server = await SoakServer.StartAsync(options, influx.BaseUri, "soak");
string data = Directory.CreateTempSubdirectory("occupancy-bench-soak-").FullName;
try
{
    SoakSite.WriteEdgeData(data, options);
    await using var edge = await EdgeRunner.StartAsync(new Dictionary<string, string>
    {
        ["Edge:SiteId"] = SoakSite.SiteId,
        ["Edge:DataDirectory"] = data,
        ["Mqtt:Mode"] = "external",
        ["Mqtt:External:Host"] = broker.Host,
        ["Mqtt:External:Port"] = broker.Port.ToString(),
        ["Mqtt:External:ClientId"] = "edge-soak",
        ["Influx:Url"] = influx.BaseUri.ToString(),
        ["Influx:Database"] = "soak",
        ["Access:DoorMasterKey"] = SoakSite.MasterKeyHex,
        ["Access:NetworkKey"] = SoakSite.NetworkKeyHex,
        ["Uplink:ServerUrl"] = server.BaseUrl.ToString(),
        ["Uplink:SiteKey"] = SoakSite.SiteKey,
        ["Logging:LogLevel:Default"] = "Warning",
    });

    // Connected means the edge has the site's layout and its access replica from the server.
    await edge.WaitUntilHealthyAsync("server-link", TimeSpan.FromMinutes(2));
    await using var load = new SiteLoad(options, SoakSite.SiteId);
    await load.ConnectAsync(broker.Host, broker.Port);
    await using var watch = await ServerWatch.StartAsync(server.BaseUrl, floors, load);
    await load.WarmUpAsync(taps: 20);

    var windows = Enumerable.Range(0, 10).Select(i => new Window(i)).ToList();
    var meter = new ProcessMeter(edge.ProcessId);
    var serverMeter = new ProcessMeter(server.ProcessId);
    var rssOverTime = new List<(TimeSpan At, double RssMb)>();
    var clock = Stopwatch.StartNew();
    double reportsOwed = 0, tapsOwed = 0;
    // Devices report when they notice a change, not in step: a 10 ms tick keeps the load generator's own clumps
    // small (25 reports in the burst), where a 100 ms tick sent 250 reports at one instant and timed the taps behind them.
    var tick = TimeSpan.FromMilliseconds(10);
    var last = TimeSpan.Zero;
    var window = windows[0];
    meter.Start();
    serverMeter.Start();
    long durableAtWindowStart = (await edge.OutboxAsync()).DurableLsn;
    var windowStarted = TimeSpan.Zero;
    var nextSample = TimeSpan.FromSeconds(1);
    while (clock.Elapsed < options.Duration)
    {
        await Task.Delay(tick);
        var now = clock.Elapsed;
        double progress = Math.Min(0.999999, now / options.Duration);
        double load_ = DayShape.LoadAt(progress, options.Burst);
        double dt = (now - last).TotalSeconds;
        last = now;
        reportsOwed += options.Rate * load_ * dt;
        tapsOwed += options.Taps * load_ * dt;
        int reports = (int)reportsOwed, taps = (int)tapsOwed;
        reportsOwed -= reports;
        tapsOwed -= taps;
        load.Send(reports, taps, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        window.Reports += reports;
        window.Taps += taps;
        window.TapLatenciesMs.AddRange(load.DrainTapLatencies());
        window.ServerLatenciesMs.AddRange(watch.DrainLatencies());
        if (now >= nextSample)
        {
            rssOverTime.Add((now, meter.Sample()));
            serverMeter.Sample();
            nextSample += TimeSpan.FromSeconds(1);
        }

        int index = Math.Min(9, (int)(progress * 10));
        if (index != window.Index)
        {
            long durable = (await edge.OutboxAsync()).DurableLsn;
            (window.CpuSeconds, window.PeakRssMb) = meter.Stop();
            window.RecordsDurable = durable - durableAtWindowStart;
            window.Seconds = (now - windowStarted).TotalSeconds;
            durableAtWindowStart = durable;
            windowStarted = now;
            meter.Start();
            window = windows[index];
        }
    }

    // The last window ends with the run; then everything sent must reach InfluxDB and the server.
    await load.FlushAsync();
    long finalDurable = (await edge.OutboxAsync()).DurableLsn;
    (window.CpuSeconds, window.PeakRssMb) = meter.Stop();
    var (serverCpu, serverPeakRss) = serverMeter.Stop();
    window.RecordsDurable = finalDurable - durableAtWindowStart;
    window.Seconds = (clock.Elapsed - windowStarted).TotalSeconds;
    var drainClock = Stopwatch.StartNew();
    long deskPoints = 0, decisions = 0;
    while (drainClock.Elapsed < TimeSpan.FromMinutes(5))
    {
        deskPoints = await CountAsync(influx, "SELECT COUNT(\"state\") FROM desk_state WHERE \"state\" <> 'unknown'");
        decisions = await CountAsync(influx, "SELECT COUNT(\"granted\") FROM access_decision");
        if (deskPoints >= load.DeskReports && decisions >= load.Taps && await edge.BehindAsync("uplink") == 0 && await edge.BehindAsync("audit") == 0)
        {
            break;
        }

        await Task.Delay(500);
    }

    var drained = drainClock.Elapsed;
    await Task.Delay(1000); // the server's last pushes on their way to the dashboard connections
    window.TapLatenciesMs.AddRange(load.DrainTapLatencies());
    window.ServerLatenciesMs.AddRange(watch.DrainLatencies());

    // On the server: the access log by event (door + device time; the log stores each event id once), and each desk's state.
    var logged = (await server.AccessDecisionsAsync()).ToHashSet();
    int tapsMissing = load.TapsSent.Count(t => !logged.Contains(t));
    int logExtra = logged.Count(e => !load.TapsSent.Contains(e));
    var serverStates = await server.DeskStatesAsync(floors);
    int wrongStates = Enumerable.Range(0, options.Desks).Count(i =>
        serverStates.GetValueOrDefault(SoakSite.DeskId(i)) is not { } state || (state != load.LastReport(i).State && state != Occupancy.Firmware.Contract.DeskStates.Unknown));
    var edgeCounts = await edge.FloorCountsAsync();
    int floorsDiffering = Enumerable.Range(0, floors).Count(f =>
    {
        var onServer = serverStates.Where(s => SoakSite.DeskIndex(s.Key) / SoakSite.DesksPerFloor == f).GroupBy(s => s.Value).ToDictionary(g => g.Key, g => g.Count());
        var onEdge = edgeCounts.GetValueOrDefault(SoakSite.FloorId(f));
        return onEdge != (onServer.GetValueOrDefault("free"), onServer.GetValueOrDefault("occupied"), onServer.GetValueOrDefault("unknown"));
    });

    Console.WriteLine();
    Console.WriteLine($"| {"simulated hours",-15} | {"reports/s offered",17} | {"taps",6} | {"edge records/s",14} | {"edge CPU",8} | {"edge RSS",8} | {"tap p50",8} | {"tap p99",8} | {"tap max",8} | {"→server p50",11} | {"→server p99",11} |");
    Console.WriteLine($"|{new string('-', 17)}|{new string('-', 19)}|{new string('-', 8)}|{new string('-', 16)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 13)}|{new string('-', 13)}|");
    foreach (var w in windows)
    {
        Console.WriteLine($"| {w.Hours,-15} | {w.Reports / w.Seconds,17:N0} | {w.Taps,6:N0} | {w.RecordsDurable / w.Seconds,14:N0} | {w.CpuSeconds / w.Seconds * 100,7:F0}% | {w.PeakRssMb,5:F0} MB | {Window.Percentile(w.TapLatenciesMs, 0.5),6:F1}ms | {Window.Percentile(w.TapLatenciesMs, 0.99),6:F1}ms | {w.TapLatenciesMs.DefaultIfEmpty(double.NaN).Max(),6:F1}ms | {Window.Percentile(w.ServerLatenciesMs, 0.5),9:F0}ms | {Window.Percentile(w.ServerLatenciesMs, 0.99),9:F0}ms |");
    }

    var all = windows.SelectMany(w => w.TapLatenciesMs).ToList();
    var toServer = windows.SelectMany(w => w.ServerLatenciesMs).ToList();
    double cpu = windows.Sum(w => w.CpuSeconds), seconds = windows.Sum(w => w.Seconds);
    Console.WriteLine();
    Console.WriteLine($"Edge RSS every {Math.Max(1, rssOverTime.Count / 20)} s (MB): {string.Join(" ", rssOverTime.Where((_, i) => i % Math.Max(1, rssOverTime.Count / 20) == 0).Select(s => s.RssMb.ToString("F0")))}");
    Console.WriteLine($"Desk reports sent {load.DeskReports:N0}, in InfluxDB {deskPoints:N0} (lost {load.DeskReports - deskPoints:N0}); taps {load.Taps:N0}, decisions in InfluxDB {decisions:N0} (lost {load.Taps - decisions:N0}), answered {all.Count + load.WarmUpTaps:N0} ({load.Grants:N0} grants; {load.WarmUpTaps} warm-up taps before the day, not timed), unanswered {load.TapsUnanswered:N0}; publish failures {load.PublishFailures:N0}");
    Console.WriteLine($"Server: access log holds {load.TapsSent.Count - tapsMissing:N0} of {load.TapsSent.Count:N0} taps (missing {tapsMissing:N0}, not sent {logExtra:N0}); "
        + $"desk changes pushed {watch.Changes:N0} of {load.DeskReports:N0} reports on time and {watch.Late:N0} after the desk's next report "
        + $"(the rest replaced by a newer state of the same desk while waiting in the edge's uplink), {watch.Unknown:N0} desks called unknown by the edge; "
        + $"desks whose state is neither the last report nor unknown {wrongStates:N0}; floors whose counts differ from the edge's {floorsDiffering}");
    Console.WriteLine($"Edge: CPU {cpu / seconds * 100:F0}% of one core on average, {cpu * 1000 * 1000 / Math.Max(1, load.DeskReports + load.Taps):F0} ms per 1,000 messages; peak RSS {windows.Max(w => w.PeakRssMb):F0} MB; "
        + $"InfluxDB and the server caught up {drained.TotalSeconds:F1} s after the run. Server: CPU {serverCpu / seconds * 100:F0}% of one core, peak RSS {serverPeakRss:F0} MB");
    Console.WriteLine($"Tap to unlock (reader publishes → signed answer received, through mosquitto both ways, sent once decided; the request's PUBACK waits for its record on disk): p50 {Window.Percentile(all, 0.5):F1} ms, p99 {Window.Percentile(all, 0.99):F1} ms, max {all.DefaultIfEmpty(double.NaN).Max():F1} ms");
    Console.WriteLine($"Sensor to server (report published → the server pushes the change; edge outbox, uplink coalescing of {250} ms, hub): "
        + $"p50 {Window.Percentile(toServer, 0.5):F0} ms, p99 {Window.Percentile(toServer, 0.99):F0} ms, max {toServer.DefaultIfEmpty(double.NaN).Max():F0} ms over {toServer.Count:N0} changes");
    Console.WriteLine($"Load average at the end {File.ReadAllText("/proc/loadavg").Trim()}");
    bool nothingLost = load.DeskReports == deskPoints && load.Taps == decisions && tapsMissing == 0 && wrongStates == 0 && floorsDiffering == 0;
    return nothingLost ? 0 : 1;
}
finally
{
    Directory.Delete(data, recursive: true);
}

static async Task<long> CountAsync(InfluxdServer influx, string query)
{
    var rows = await influx.QueryRowsAsync("soak", query);
    return rows.Count == 0 ? 0 : rows[0]["count"].GetInt64();
}
