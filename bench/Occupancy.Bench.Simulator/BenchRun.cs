using System.Diagnostics;
using System.Globalization;
using Occupancy.Firmware.Simulator;

namespace Occupancy.Bench.Simulator;

/// <summary>One measured run of the fleet: how long, how much simulated time, how many messages the edge acknowledged.</summary>
internal sealed record BenchRun(string Name, TimeSpan Real, TimeSpan Simulated, FleetStats Stats, TimeSpan ConnectTime)
{
    public double MessagesPerSecond => Stats.Sent / Real.TotalSeconds;

    public double SpeedUp => Simulated.TotalSeconds / Real.TotalSeconds;

    /// <summary>Starts a fleet, waits for every device, plays until <paramref name="duration"/> of simulated time or <paramref name="realLimit"/> passes.</summary>
    public static async Task<BenchRun> MeasureAsync(string name, FleetOptions options, SiteDevices site, TimeSpan realLimit)
    {
        var connecting = Stopwatch.StartNew();
        await using var fleet = await Fleet.StartAsync(options, site);
        if (!await fleet.WaitForConnectionsAsync(TimeSpan.FromMinutes(2), CancellationToken.None))
        {
            throw new InvalidOperationException($"{name}: only {fleet.ConnectedCount} of {fleet.DeviceCount} devices connected");
        }

        var connectTime = connecting.Elapsed;

        // Count only what this run sends: the connect burst (birth, state, heartbeat) is done first.
        await WaitForQuietAsync(fleet);
        var before = fleet.Stats();
        long simStart = fleet.Clock.NowMs;
        using var limit = new CancellationTokenSource(realLimit);
        var real = Stopwatch.StartNew();
        await fleet.RunAsync(limit.Token);
        await WaitForQuietAsync(fleet);
        real.Stop();
        var after = fleet.Stats();
        var delta = after with
        {
            Sent = after.Sent - before.Sent,
            Refused = after.Refused - before.Refused,
        };
        return new BenchRun(name, real.Elapsed, TimeSpan.FromMilliseconds(fleet.Clock.NowMs - simStart), delta, connectTime);
    }

    public string Row() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Name} | {Stats.Devices:N0} | {ConnectTime.TotalSeconds:0.0} s | {Real.TotalSeconds:0.0} s | {Simulated.TotalHours:0.##} h (x{SpeedUp:N0}) | {Stats.Sent:N0} | {MessagesPerSecond:N0} | {Stats.Refused:N0} | {Stats.Dropped:N0} |");

    private static async Task WaitForQuietAsync(Fleet fleet)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(1)
            && fleet.Desks.Cast<SimulatedDevice>().Concat(fleet.Doors).Any(d => d.Link.Pending > 0 || d.Runtime.Queued > 0))
        {
            await Task.Delay(20);
        }
    }
}
