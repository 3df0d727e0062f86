using System.Globalization;
using System.Security.Cryptography;
using Occupancy.Bench.Simulator;
using Occupancy.Firmware.Desk;
using Occupancy.Firmware.Simulator;

// Usage: Occupancy.Bench.Simulator [--desks N] [--doors N] [--seconds N]
int desks = Option("--desks", 1000);
int doors = Option("--doors", 20);
int seconds = Option("--seconds", 60);
const string Secret = "bench-device-secret";

var site = SiteDevices.Generate("bench", desks, doors);
Console.WriteLine($"Starting influxd and the edge for {desks} desks and {doors} doors …");
await using var edge = await BenchEdge.StartAsync(site, Secret);
Console.WriteLine($"Edge listening on 127.0.0.1:{edge.MqttPort}; {Environment.ProcessorCount} cores.");

var monday = new DateTimeOffset(2026, 1, 5, 7, 0, 0, TimeSpan.Zero);
var runs = new List<BenchRun>();

// 1. A realistic weekday, 07:00-21:00, firmware default timings, as fast as it goes.
runs.Add(await BenchRun.MeasureAsync(
    "realistic weekday, default timings",
    Options(edge, FleetSchedule.Realistic, new DeskSensorOptions(), monday, TimeSpan.FromHours(14)),
    site,
    TimeSpan.FromSeconds(seconds * 5)));
Console.WriteLine(runs[^1].Row());

// 2. Saturation: every desk changes state every few simulated seconds and sends a heartbeat every 10 s.
var churn = new DeskSensorOptions { OccupiedAfterMs = 0, FreeAfterMs = 1000, PresenceGapMs = 200, HeartbeatMs = 10_000 };
runs.Add(await BenchRun.MeasureAsync(
    "saturation: state churn + 10 s heartbeats",
    Options(edge, FleetSchedule.Busy, churn, monday, null, step: TimeSpan.FromMilliseconds(200)),
    site,
    TimeSpan.FromSeconds(seconds)));
Console.WriteLine(runs[^1].Row());

// 3. The same churn against a bare mosquitto: what the simulator drives when no edge does durable work per message.
await using (var mosquitto = await Occupancy.Testing.MosquittoServer.StartAsync())
{
    var bare = Options(edge, FleetSchedule.Busy, churn, monday, null, step: TimeSpan.FromMilliseconds(200));
    bare = new FleetOptions
    {
        BrokerHost = mosquitto.Host,
        BrokerPort = mosquitto.Port,
        Sensor = bare.Sensor,
        Door = bare.Door,
        Schedule = bare.Schedule,
        Speed = bare.Speed,
        Start = bare.Start,
        Step = bare.Step,
        Seed = bare.Seed,
        DoorMasterKey = bare.DoorMasterKey,
    };
    runs.Add(await BenchRun.MeasureAsync("saturation against bare mosquitto", bare, site, TimeSpan.FromSeconds(seconds)));
    Console.WriteLine(runs[^1].Row());
}

Console.WriteLine();
Console.WriteLine("| run | devices | all connected after | real time | simulated | messages acknowledged | msg/s | of which refused by the edge | dropped |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
foreach (var run in runs)
{
    Console.WriteLine(run.Row());
}

return 0;

static FleetOptions Options(BenchEdge edge, FleetSchedule schedule, DeskSensorOptions sensor, DateTimeOffset start, TimeSpan? duration, TimeSpan? step = null) => new()
{
    BrokerHost = "127.0.0.1",
    BrokerPort = edge.MqttPort,
    Secret = Secret,
    Sensor = sensor,
    Door = new Occupancy.Firmware.Door.DoorReaderOptions { HeartbeatMs = sensor.HeartbeatMs },
    Schedule = schedule,
    Speed = double.PositiveInfinity,
    Start = start,
    Duration = duration,
    Step = step,
    Seed = 1,
    DoorMasterKey = RandomNumberGenerator.GetBytes(32),
    SummaryInterval = TimeSpan.FromSeconds(10),
};

int Option(string name, int fallback)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : fallback;
}
