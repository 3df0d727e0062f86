using System.Diagnostics;
using Occupancy.Bench.Soak;
using Occupancy.Testing;

// The soak (issue 7): a whole site against one edge for --minutes, a working day compressed, with a burst.
var options = SoakOptions.Parse(args);
Console.WriteLine($"Soak: {options.Desks:N0} desks and {options.Doors} doors against one edge for {options.Minutes} min (a day compressed ×{24 * 60 / options.Minutes:N0}); "
    + $"busiest hour {options.Rate:N0} desk reports/s and {options.Taps} taps/s, ×{options.Burst} burst from {DayShape.BurstStart * 24:0.0} h to {DayShape.BurstEnd * 24:0.0} h");
Console.WriteLine($"Machine: {MachineInfo.Describe()}; load average at start {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine("Devices: a load generator over a few connections to mosquitto, the edge in external-broker mode (one MQTT 5 shared subscription)");

await using var influx = await InfluxdServer.StartAsync();
await using var broker = await MosquittoServer.StartAsync(new MosquittoOptions { ExtraConfigLines = ["max_queued_messages 0", "max_inflight_messages 1000"] });
string data = Directory.CreateTempSubdirectory("occupancy-bench-soak-").FullName;
try
{
    SoakSite.Write(data, options);
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
        ["Uplink:ServerUrl"] = "http://127.0.0.1:9",
        ["Uplink:SiteKey"] = "soak",
        ["Logging:LogLevel:Default"] = "Warning",
    });
    await using var load = new SiteLoad(options, SoakSite.SiteId);
    await load.ConnectAsync(broker.Host, broker.Port);

    var windows = Enumerable.Range(0, 10).Select(i => new Window(i)).ToList();
    var meter = new ProcessMeter(edge.ProcessId);
    var clock = Stopwatch.StartNew();
    double reportsOwed = 0, tapsOwed = 0;
    var tick = TimeSpan.FromMilliseconds(100);
    var last = TimeSpan.Zero;
    var window = windows[0];
    meter.Start();
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
        if (now >= nextSample)
        {
            meter.Sample();
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

    // The last window ends with the run; then everything sent must reach InfluxDB.
    await load.FlushAsync();
    long finalDurable = (await edge.OutboxAsync()).DurableLsn;
    (window.CpuSeconds, window.PeakRssMb) = meter.Stop();
    window.RecordsDurable = finalDurable - durableAtWindowStart;
    window.Seconds = (clock.Elapsed - windowStarted).TotalSeconds;
    var drainClock = Stopwatch.StartNew();
    long deskPoints = 0, decisions = 0;
    while (drainClock.Elapsed < TimeSpan.FromMinutes(5))
    {
        deskPoints = await CountAsync(influx, "SELECT COUNT(\"state\") FROM desk_state WHERE \"state\" <> 'unknown'");
        decisions = await CountAsync(influx, "SELECT COUNT(\"granted\") FROM access_decision");
        if (deskPoints >= load.DeskReports && decisions >= load.Taps)
        {
            break;
        }

        await Task.Delay(500);
    }

    var drained = drainClock.Elapsed;
    window.TapLatenciesMs.AddRange(load.DrainTapLatencies());

    Console.WriteLine();
    Console.WriteLine($"| {"simulated hours",-15} | {"reports/s offered",17} | {"taps",6} | {"edge records/s",14} | {"edge CPU",8} | {"edge RSS",8} | {"tap p50",8} | {"tap p99",8} | {"tap max",8} |");
    Console.WriteLine($"|{new string('-', 17)}|{new string('-', 19)}|{new string('-', 8)}|{new string('-', 16)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 10)}|");
    foreach (var w in windows)
    {
        Console.WriteLine($"| {w.Hours,-15} | {w.Reports / w.Seconds,17:N0} | {w.Taps,6:N0} | {w.RecordsDurable / w.Seconds,14:N0} | {w.CpuSeconds / w.Seconds * 100,7:F0}% | {w.PeakRssMb,5:F0} MB | {Window.Percentile(w.TapLatenciesMs, 0.5),6:F1}ms | {Window.Percentile(w.TapLatenciesMs, 0.99),6:F1}ms | {w.TapLatenciesMs.DefaultIfEmpty(double.NaN).Max(),6:F1}ms |");
    }

    var all = windows.SelectMany(w => w.TapLatenciesMs).ToList();
    double cpu = windows.Sum(w => w.CpuSeconds), seconds = windows.Sum(w => w.Seconds);
    Console.WriteLine();
    Console.WriteLine($"Desk reports sent {load.DeskReports:N0}, in InfluxDB {deskPoints:N0} (lost {load.DeskReports - deskPoints:N0}); taps {load.Taps:N0}, decisions in InfluxDB {decisions:N0} (lost {load.Taps - decisions:N0}), answered {all.Count:N0} ({load.Grants:N0} grants), unanswered {load.TapsUnanswered:N0}; publish failures {load.PublishFailures:N0}");
    Console.WriteLine($"Edge: CPU {cpu / seconds * 100:F0}% of one core on average, {cpu * 1000 * 1000 / Math.Max(1, load.DeskReports + load.Taps):F0} ms per 1,000 messages; peak RSS {windows.Max(w => w.PeakRssMb):F0} MB; InfluxDB caught up {drained.TotalSeconds:F1} s after the run");
    Console.WriteLine($"Tap to unlock (reader publishes → signed answer received, through mosquitto both ways, decision fsync'd first): p50 {Window.Percentile(all, 0.5):F1} ms, p99 {Window.Percentile(all, 0.99):F1} ms, max {all.DefaultIfEmpty(double.NaN).Max():F1} ms");
    Console.WriteLine($"Load average at the end {File.ReadAllText("/proc/loadavg").Trim()}");
    return load.DeskReports == deskPoints && load.Taps == decisions ? 0 : 1;
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
