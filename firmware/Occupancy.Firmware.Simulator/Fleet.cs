using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Occupancy.Firmware.Simulator;

/// <summary>
/// Every device of one site, simulated: a desk sensor per desk and a door reader per door,
/// each running the real firmware core against the broker, and the people of a coworking day
/// driving their pins.
/// </summary>
public sealed class Fleet : IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    private readonly FleetOptions _options;
    private readonly ILogger _logger;
    private readonly SimulatedDeskDevice[] _desks;
    private readonly SimulatedDoorReader[] _doors;

    private Fleet(FleetOptions options, SimulatedDeskDevice[] desks, SimulatedDoorReader[] doors, ILogger logger)
    {
        _options = options;
        _desks = desks;
        _doors = doors;
        _logger = logger;
    }

    public IReadOnlyList<SimulatedDeskDevice> Desks => _desks;

    public IReadOnlyList<SimulatedDoorReader> Doors => _doors;

    public int ConnectedCount => _desks.Count(d => d.IsConnected) + _doors.Count(d => d.IsConnected);

    public int DeviceCount => _desks.Length + _doors.Length;

    public int OccupiedCount => _desks.Count(d => d.IsOccupied);

    public int OpenDoorCount => _doors.Count(d => d.IsOpen);

    /// <summary>Boots every device of the site; returns once each has made its first connection attempt.</summary>
    public static async Task<Fleet> StartAsync(FleetOptions options, SiteDevices site, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(site);
        loggerFactory ??= NullLoggerFactory.Instance;

        DeviceSettings Settings(string deviceId) => new(options.BrokerHost, options.BrokerPort, site.SiteId, deviceId, options.Secret);

        var startingDesks = site.DeskDeviceIds.Select(id => SimulatedDeskDevice.StartAsync(Settings(id), options.Sensor, loggerFactory, cancellationToken)).ToArray();
        var startingDoors = site.DoorDeviceIds.Select(id => SimulatedDoorReader.StartAsync(Settings(id), new Occupancy.Firmware.Door.DoorReaderOptions(), loggerFactory, cancellationToken)).ToArray();
        Fleet fleet;
        try
        {
            fleet = new Fleet(options, await Task.WhenAll(startingDesks).ConfigureAwait(false), await Task.WhenAll(startingDoors).ConfigureAwait(false), loggerFactory.CreateLogger<Fleet>());
        }
        catch
        {
            await DisposeStartedAsync(startingDesks).ConfigureAwait(false);
            await DisposeStartedAsync(startingDoors).ConfigureAwait(false);
            throw;
        }

        fleet._logger.LogInformation(
            "Started {Desks} desk sensors and {Doors} door readers of site {Site} against {Host}:{Port}",
            fleet._desks.Length,
            fleet._doors.Length,
            site.SiteId,
            options.BrokerHost,
            options.BrokerPort);
        return fleet;
    }

    /// <summary>Plays the coworking day until cancelled, with a one-line summary every <see cref="FleetOptions.SummaryInterval"/>.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var random = _options.Seed is int seed ? new Random(seed) : new Random();
        var clock = Stopwatch.StartNew();
        double now = 0;
        var doors = _doors.Select(d => new DoorTraffic(d, _options.Sensor.FreeAfterMs / 1000.0, random, now)).ToArray();
        var people = _desks.Select(d => new SimulatedPerson(d, _options.Sensor, random, now)).ToArray();
        foreach (var person in people)
        {
            person.PassedTheDoor += () =>
            {
                if (doors.Length > 0)
                {
                    doors[random.Next(doors.Length)].Pass(clock.Elapsed.TotalSeconds);
                }
            };
        }

        var nextSummary = TimeSpan.Zero;
        using var timer = new PeriodicTimer(Tick);
        try
        {
            do
            {
                now = clock.Elapsed.TotalSeconds;
                foreach (var person in people)
                {
                    person.Advance(now);
                }

                foreach (var door in doors)
                {
                    door.Advance(now);
                }

                if (clock.Elapsed >= nextSummary)
                {
                    _logger.LogInformation("{Summary}", Summary());
                    nextSummary = clock.Elapsed + _options.SummaryInterval;
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The day is over.
        }
    }

    public string Summary() =>
        $"connected {ConnectedCount}/{DeviceCount} devices, occupied {OccupiedCount}/{_desks.Length} desks, open {OpenDoorCount}/{_doors.Length} doors";

    /// <summary>Shuts every device down in order (retained offline, clean disconnect).</summary>
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_desks.Select(d => d.DisposeAsync().AsTask()).Concat(_doors.Select(d => d.DisposeAsync().AsTask()))).ConfigureAwait(false);
    }

    private static async Task DisposeStartedAsync<TDevice>(IEnumerable<Task<TDevice>> starting)
        where TDevice : SimulatedDevice
    {
        foreach (var task in starting.Where(t => t.IsCompletedSuccessfully))
        {
            await (await task.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
    }
}
