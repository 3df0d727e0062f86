using System.Text.Json;
using Occupancy.Bench.Race;
using Occupancy.Testing;
using Occupancy.Uplink;

// The race (issue 7): the same desk reports through Node-RED and through the edge, into the same influxd.
const string SiteId = "race";
var options = RaceOptions.Parse(args);
Console.WriteLine($"Race: {options.Messages:N0} desk reports from {options.Devices} desks over {options.Connections} publisher connections, QoS 1, mosquitto → InfluxDB");
Console.WriteLine($"Machine: {MachineInfo.Describe()}; load average at start {File.ReadAllText("/proc/loadavg").Trim()}");

await using var influx = await InfluxdServer.StartAsync();
await influx.CreateDatabaseAsync("nodered");

// Both contenders get the same broker settings: nothing dropped from a subscriber's queue, up to
// 1,000 unacknowledged messages in flight to it (Node-RED over MQTT 3.1.1; the edge over MQTT 5
// asks for the same through its receive maximum).
await using var broker = await MosquittoServer.StartAsync(new MosquittoOptions { ExtraConfigLines = BenchBroker.ConfigLines });
var stream = new DeskStream(options, SiteId, DateTimeOffset.UtcNow.AddHours(-12).ToUnixTimeMilliseconds());
var course = new RaceCourse(broker, influx, stream, options.Messages);
var results = new List<ContenderResult>();

// First, while no other session is kept on the broker (the edge's outlives its connection and would be queued for).
Console.WriteLine("Relay ceiling: one counting subscriber; publishing the stream");
var ceiling = await course.RunRelayCeilingAsync("relay ceiling (mosquitto → counting subscriber)", $"occupancy/v1/{SiteId}/desk/+/state");

await using (var nodeRed = await NodeRedRunner.StartAsync(broker.Host, broker.Port, influx.BaseUri, "nodered", SiteId))
{
    Console.WriteLine("Node-RED is subscribed; publishing the stream");
    results.Add(await course.RunAsync("Node-RED 5.0.7 (join 500 / 1 s → influxdb batch)", nodeRed.ProcessId, "nodered"));
}

string data = Directory.CreateTempSubdirectory("occupancy-bench-race-edge-").FullName;
try
{
    var desks = Enumerable.Range(0, options.Devices).Select(i => new DeskConfig($"desk-{i + 1}", "floor-1", "open", DeskStream.DeviceId(i))).ToArray();
    File.WriteAllText(Path.Combine(data, "site-config.json"), JsonSerializer.Serialize(new SiteConfig(SiteId, "Race site", 1, desks, [])));
    await using var edge = await EdgeRunner.StartAsync(new Dictionary<string, string>
    {
        ["Edge:SiteId"] = SiteId,
        ["Edge:DataDirectory"] = data,
        ["Mqtt:Mode"] = "external",
        ["Mqtt:External:Host"] = broker.Host,
        ["Mqtt:External:Port"] = broker.Port.ToString(),
        ["Mqtt:External:ClientId"] = "edge-race",
        ["Influx:Url"] = influx.BaseUri.ToString(),
        ["Influx:Database"] = "edge",
        ["Uplink:ServerUrl"] = "http://127.0.0.1:9",
        ["Uplink:SiteKey"] = "race",
        ["Logging:LogLevel:Default"] = "Warning",
    });
    Console.WriteLine("The edge is subscribed; publishing the stream");
    results.Add(await course.RunAsync("edge (external broker, fsync'd outbox)", edge.ProcessId, "edge"));
}
finally
{
    Directory.Delete(data, recursive: true);
}

Console.WriteLine();
Console.WriteLine($"| {"contender",-50} | {"points",9} | {"lost",6} | {"end to end",10} | {"points/s",9} | {"CPU ms / 1k",11} | {"influxd ms / 1k",15} | {"peak RSS",9} |");
Console.WriteLine($"|{new string('-', 52)}|{new string('-', 11)}|{new string('-', 8)}|{new string('-', 12)}|{new string('-', 11)}|{new string('-', 13)}|{new string('-', 17)}|{new string('-', 11)}|");
foreach (var r in results.Prepend(ceiling))
{
    Console.WriteLine($"| {r.Name,-50} | {r.Committed,9:N0} | {r.Published - r.Committed,6:N0} | {r.EndToEnd.TotalSeconds,9:F2}s | {r.PointsPerSecond,9:N0} | {Cell(r.CpuMsPerThousand, "F1"),11} | {Cell(r.InfluxdCpuMsPerThousand, "F1"),15} | {Cell(r.PeakRssMb, "F0") + " MB",9} |");
}

var (red, ours) = (results[0], results[1]);
Console.WriteLine("(the relay ceiling row counts messages delivered to its subscriber; it writes nothing, and its CPU shares a process with the publishers)");
Console.WriteLine();
Console.WriteLine($"Edge / Node-RED: {ours.PointsPerSecond / red.PointsPerSecond:F2}× the committed points per second, at {ours.CpuMsPerThousand / red.CpuMsPerThousand:F2}× the CPU per message");
Console.WriteLine($"Relay ceiling / Node-RED: {ceiling.PointsPerSecond / red.PointsPerSecond:F2}× (the most any subscriber of this broker could reach here; the target is 5×)");
Console.WriteLine($"Edge / relay ceiling: {ours.PointsPerSecond / ceiling.PointsPerSecond:F2}");
Console.WriteLine($"Publishing the stream took {ceiling.PublishTime.TotalSeconds:F1} s (ceiling run), {red.PublishTime.TotalSeconds:F1} s (Node-RED run) and {ours.PublishTime.TotalSeconds:F1} s (edge run); load average at the end {File.ReadAllText("/proc/loadavg").Trim()}");
return ours.Committed == ours.Published ? 0 : 1;

static string Cell(double value, string format) => double.IsNaN(value) ? "–" : value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
