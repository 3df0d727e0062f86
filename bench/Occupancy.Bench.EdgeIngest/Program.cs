using Occupancy.Bench.EdgeIngest;
using Occupancy.Testing;

// Sustained ingest: the same fleet of QoS 1 desk sensors against a bare mosquitto relay and against
// the edge (through to InfluxDB). Prints one row per measured round and the ratio of the medians.
if (args is [BareMqttnetServer.Flag, var port, var benchPid])
{
    return await BareMqttnetServer.ServeAsync(int.Parse(port), int.Parse(benchPid));
}

var options = BenchOptions.Parse(args);
Console.WriteLine($"Edge ingest benchmark: {options.Devices} devices, {options.Messages:N0} messages per round, {options.Rounds} round(s) after {options.Warmup:N0} warm-up messages");
Console.WriteLine($"Machine: {MachineInfo.Describe()}");
Console.WriteLine();

var relay = options.RunsRelay ? await RelayBenchmark.RunAsync(options) : [];
var bare = options.RunsBareMqttnet ? await BareMqttnetBenchmark.RunAsync(options) : [];
var (edge, recordsPerFsync) = options.RunsEdge ? await EdgeIngestBenchmark.RunAsync(options) : ([], 0);

Console.WriteLine();
Console.WriteLine($"| {"path",-40} | {"messages",9} | {"all acked",9} | {"acked/s",9} | {"end to end",10} | {"msg/s e2e",9} |");
Console.WriteLine($"|{new string('-', 42)}|{new string('-', 11)}|{new string('-', 11)}|{new string('-', 11)}|{new string('-', 12)}|{new string('-', 11)}|");
foreach (var round in relay.Concat(bare).Concat(edge))
{
    Console.WriteLine($"| {round.Path,-40} | {round.Messages,9:N0} | {round.Acknowledged.TotalSeconds,8:F2}s | {round.AckRate,9:N0} | {round.EndToEnd.TotalSeconds,9:F2}s | {round.EndToEndRate,9:N0} |{(round.FellBehind ? " fell behind" : "")}");
}

// Only the relay's stalls are left out: that can only favour the relay. The edge's rounds all count.
var allRounds = relay.Concat(bare).Concat(edge).ToList();
if (relay.Count(r => r.FellBehind) is > 0 and var stalled)
{
    Console.WriteLine($"Left out of the relay's medians: {stalled} round(s) whose subscriber got the last message long after the last PUBACK (a stall, not a rate).");
}

relay = relay.Where(r => !r.FellBehind).ToList();

Console.WriteLine();
if (relay.Count > 0 && edge.Count > 0)
{
    double relayRate = Median(relay.Select(r => r.EndToEndRate));
    double edgeRate = Median(edge.Select(r => r.EndToEndRate));
    Console.WriteLine($"Median end-to-end: relay {relayRate:N0} msg/s, edge {edgeRate:N0} msg/s; edge / relay = {edgeRate / relayRate:F2}");
}
else if (options.RunsRelay && options.RunsEdge)
{
    Console.WriteLine("Every relay round stalled: no ratio from this run; run it again.");
}

if (relay.Count > 0 && bare.Count > 0)
{
    double relayRate = Median(relay.Select(r => r.EndToEndRate));
    Console.WriteLine($"Bare MQTTnet server (the edge's broker with the edge's work left out) / relay = {Median(bare.Select(r => r.EndToEndRate)) / relayRate:F2}");
}

if (edge.Count > 0)
{
    Console.WriteLine($"Edge outbox: {recordsPerFsync:F1} records per fsync on average (group commit)");
}

Console.WriteLine("CPU ms per 1,000 messages (user+system), and all processes together:");
foreach (var round in allRounds)
{
    Console.WriteLine($"  {round.Path}: {round.CpuPerThousand}");
}
if (relay.Count > 0 && edge.Count > 0)
{
    // Both rounds keep every core busy, so each round's rate is about the cores' time over its total CPU per message.
    Console.WriteLine($"Median CPU per 1,000 messages, all processes: relay {Median(relay.Select(r => r.TotalCpuPerThousand)):F0} ms, edge {Median(edge.Select(r => r.TotalCpuPerThousand)):F0} ms ({Environment.ProcessorCount} cores)");
}

return 0;

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
