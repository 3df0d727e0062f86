using System.Security.Cryptography;
using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Desk;
using Occupancy.Testing;

namespace Occupancy.Firmware.Simulator.Tests;

public sealed class FleetTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly string DemoNetwork = Path.Combine(AppContext.BaseDirectory, "demo", "network.json");

    private EmbeddedBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await EmbeddedBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public void SiteDevices_FromTheDemoNetwork_ListsEveryDeskAndDoorOfTheSiteAndItsTimeZoneAndOpeningHours()
    {
        var site = SiteDevices.Load(DemoNetwork, "hq");

        // The demo's space: Monday to Friday 07–21, Saturday 09–17, closed on Sunday (2026-11-23 is a Monday).
        Assert.True(site.OpeningHours!.TryGet(new DateOnly(2026, 11, 23), out var monday));
        Assert.Equal((7.0, 21.0), monday);
        Assert.True(site.OpeningHours.TryGet(new DateOnly(2026, 11, 28), out var saturday));
        Assert.Equal((9.0, 17.0), saturday);
        Assert.False(site.OpeningHours.TryGet(new DateOnly(2026, 11, 29), out _));

        Assert.Equal(48, site.DeskDeviceIds.Count);
        Assert.Equal(new[] { "reader-front", "reader-terrace" }, site.DoorDeviceIds);
        Assert.Contains("sensor-101", site.DeskDeviceIds);
        Assert.All(site.DeskDeviceIds.Concat(site.DoorDeviceIds), id => Assert.True(Ids.IsValid(id), id));
        Assert.Equal("Europe/Berlin", site.FindTimeZone().Id);
    }

    [Fact]
    public void SiteDevices_ForAnUnknownSite_SaysWhichSitesExist()
    {
        var error = Assert.Throws<InvalidDataException>(() => SiteDevices.Load(DemoNetwork, "nowhere"));

        Assert.Contains("'nowhere'", error.Message);
        Assert.Contains("hq", error.Message);
    }

    [Fact]
    public async Task Fleet_OnTheBusySchedule_ConnectsEveryDeviceAndPlaysInRealTime()
    {
        var site = SiteDevices.Load(DemoNetwork, "hq");
        var options = new FleetOptions
        {
            BrokerHost = _broker.Host,
            BrokerPort = _broker.Port,
            Sensor = new DeskSensorOptions { OccupiedAfterMs = 300, FreeAfterMs = 2000, PresenceGapMs = 500 },
            Schedule = FleetSchedule.Busy,
            Seed = 7,
        };

        await using var fleet = await Fleet.StartAsync(options, site);
        Assert.Equal(48, fleet.Desks.Count);
        Assert.Equal(2, fleet.Doors.Count);
        await Eventually.Until(() => fleet.ConnectedCount == 50, Timeout, "all 50 devices are connected");
        await Eventually.Until(async () => await _broker.ConnectedClientCountAsync() == 50, Timeout, "the broker sees 50 clients");

        using var day = new CancellationTokenSource();
        var running = fleet.RunAsync(day.Token);
        await Eventually.Until(() => fleet.OccupiedCount > 0, Timeout, "people sit down");
        await Eventually.Until(
            () => _broker.Published.Any(m => m.Topic.EndsWith("/state", StringComparison.Ordinal) && m.Payload.Contains("\"occupied\"", StringComparison.Ordinal)),
            Timeout,
            "an occupied desk reaches the broker");
        day.Cancel();
        await running;

        Assert.Matches(@"^connected 50/50 devices, occupied \d+/48 desks, open \d/2 doors \|", fleet.Summary());
    }

    [Fact]
    public async Task Fleet_OnARealisticMorningAtFullSpeed_SeatsPeopleOpensDoorsForGrantedTapsAndStampsSimulatedTime()
    {
        var master = RandomNumberGenerator.GetBytes(32);
        await using var edge = await EdgeResponder.StartAsync(_broker.Host, _broker.Port, "hq", door => DoorKeys.Derive(master, door));
        var site = SiteDevices.Load(DemoNetwork, "hq");
        var start = new DateTimeOffset(2026, 1, 5, 8, 30, 0, TimeSpan.FromHours(1)); // a Monday, Berlin time
        var options = new FleetOptions
        {
            BrokerHost = _broker.Host,
            BrokerPort = _broker.Port,
            Speed = double.PositiveInfinity,
            Start = start,
            Duration = TimeSpan.FromHours(1),
            Seed = 3,
            DoorMasterKey = master,
        };

        long before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using var fleet = await Fleet.StartAsync(options, site);
        await fleet.RunAsync(new CancellationTokenSource(Timeout).Token);

        var stats = fleet.Stats();
        Assert.Equal(start.AddHours(1), fleet.Clock.Now);
        Assert.Equal("Mon 2026-01-05 09:30", fleet.LocalTime());
        Assert.True(stats.Occupied > 5, $"people sit at desks by 9:30: {stats.Describe()}");
        Assert.True(stats.Granted > 5, $"the edge's grants open doors: {stats.Describe()}");
        Assert.Equal(0, stats.Dropped);
        var states = _broker.Published.Where(m => m.Topic.EndsWith("/state", StringComparison.Ordinal)).Select(m => DeskStateOf(m.Payload)).ToList();
        Assert.Contains(states, s => s.IsOccupied);
        Assert.All(states, s => Assert.InRange(s.Header.TimestampMs, start.ToUnixTimeMilliseconds(), start.AddHours(1).ToUnixTimeMilliseconds()));
        Assert.Contains(_broker.Published, m => m.Topic.EndsWith("/evt/access-result", StringComparison.Ordinal) && m.Payload.Contains("\"granted\"", StringComparison.Ordinal));

        // Simulated time lies in the past, but the sequence goes on from the real clock: an edge that
        // saw these devices before (the demo, today) must take the seeded messages as new, not stale.
        Assert.All(states, s => Assert.True(s.Header.Seq > before, $"seq {s.Header.Seq} is below the real time {before} of the run"));
    }

    [Fact]
    public async Task Fleet_WithTheSameSeed_ReplaysTheSameDeskMessages()
    {
        var first = await DeskMessagesOfARunAsync(seed: 5);
        var second = await DeskMessagesOfARunAsync(seed: 5);

        Assert.NotEmpty(first);
        Assert.True(first.Values.Sum(l => l.Count) > 20, "the run produced enough state changes to compare");
        Assert.Equal(first, second);
    }

    /// <summary>Plays 8:00-9:30 of a made-up 30-desk site flat out, on a broker of its own; returns every desk's state messages.</summary>
    private static async Task<SortedDictionary<string, List<string>>> DeskMessagesOfARunAsync(int seed)
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var options = new FleetOptions
        {
            BrokerHost = broker.Host,
            BrokerPort = broker.Port,
            Speed = double.PositiveInfinity,
            Start = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero),
            Duration = TimeSpan.FromMinutes(90),
            Seed = seed,
            MmWaveShare = 0.5,
            SequenceOrigin = 1_000,
        };
        await using (var fleet = await Fleet.StartAsync(options, SiteDevices.Generate("sim", 30, 0)))
        {
            await fleet.RunAsync(new CancellationTokenSource(Timeout).Token);
            await Eventually.Until(() => fleet.Desks.All(d => d.Link.Pending == 0 && d.Runtime.Queued == 0), Timeout, "every message has reached the broker");
        }

        var byDesk = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var message in broker.Published.Where(m => m.Topic.EndsWith("/state", StringComparison.Ordinal)))
        {
            if (!byDesk.TryGetValue(message.Topic, out var list))
            {
                byDesk[message.Topic] = list = [];
            }

            list.Add(message.Payload);
        }

        return byDesk;
    }

    private static DeskStateMessage DeskStateOf(string payload)
    {
        Assert.True(DeskStateMessage.TryDecode(payload, out var message, out var error), error);
        return message;
    }
}
