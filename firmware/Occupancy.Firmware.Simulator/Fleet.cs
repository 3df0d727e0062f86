using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Simulator.Day;

namespace Occupancy.Firmware.Simulator;

/// <summary>
/// Every device of one site, simulated: a desk sensor per desk (PIR or mmWave) and a door
/// reader per door, each running the real firmware core against the broker, on one simulated
/// clock that the fleet moves forward in steps — in real time for a demo, or a week in minutes
/// to seed history — while the people of a coworking day drive their pins and cards.
/// </summary>
public sealed partial class Fleet : IAsyncDisposable
{
    private readonly FleetOptions _options;
    private readonly ILogger _logger;
    private readonly SimulatedDeskDevice[] _desks;
    private readonly SimulatedDoorReader[] _doors;
    private readonly SimulatedDevice[] _all;
    private readonly ISchedule _schedule;
    private readonly TimeZoneInfo _zone;
    private int _unansweredWaits;

    private Fleet(FleetOptions options, SimulationClock clock, SimulatedDeskDevice[] desks, SimulatedDoorReader[] doors, ISchedule schedule, TimeZoneInfo zone, ILogger logger)
    {
        _options = options;
        Clock = clock;
        _desks = desks;
        _doors = doors;
        _all = [.. desks, .. doors];
        _schedule = schedule;
        _zone = zone;
        _logger = logger;
    }

    public SimulationClock Clock { get; }

    public IReadOnlyList<SimulatedDeskDevice> Desks => _desks;

    public IReadOnlyList<SimulatedDoorReader> Doors => _doors;

    /// <summary>The simulated members and their credentials.</summary>
    public IReadOnlyList<SimulatedMember> Members => _schedule.Members;

    public int ConnectedCount => _all.Count(d => d.IsConnected);

    public int DeviceCount => _all.Length;

    public int OccupiedCount => _desks.Count(d => d.IsOccupied);

    public int OpenDoorCount => _doors.Count(d => d.IsOpen);

    public FleetStats Stats() => FleetStats.Of(_desks, _doors);

    /// <summary>Boots every device of the site; returns once each has made its first connection attempt.</summary>
    public static async Task<Fleet> StartAsync(FleetOptions options, SiteDevices site, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(site);
        loggerFactory ??= NullLoggerFactory.Instance;
        int seed = options.Seed ?? Random.Shared.Next();
        var clock = new SimulationClock((options.Start ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds());
        long sequenceOrigin = options.SequenceOrigin ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        DeviceSettings Settings(string deviceId) => new(options.BrokerHost, options.BrokerPort, site.SiteId, deviceId, options.Secret)
        {
            Clock = clock.DeviceClock(),
            SelfPolling = false,
            LastSequence = sequenceOrigin,
            Seed = StableHash.Of(seed, deviceId),
            PresenceSensor = Fraction(seed, deviceId) < options.MmWaveShare ? PresenceSensorKind.MmWave : PresenceSensorKind.Pir,
            DoorKey = options.DoorMasterKey is { } master ? DoorKeys.Derive(master, deviceId) : null,
        };

        var startingDesks = site.DeskDeviceIds.Select(id => SimulatedDeskDevice.StartAsync(Settings(id), options.Sensor, loggerFactory, cancellationToken)).ToArray();
        var startingDoors = site.DoorDeviceIds.Select(id => SimulatedDoorReader.StartAsync(Settings(id), options.Door, loggerFactory, cancellationToken)).ToArray();
        SimulatedDeskDevice[] desks;
        SimulatedDoorReader[] doors;
        try
        {
            desks = await Task.WhenAll(startingDesks).ConfigureAwait(false);
            doors = await Task.WhenAll(startingDoors).ConfigureAwait(false);
        }
        catch
        {
            await DisposeStartedAsync(startingDesks).ConfigureAwait(false);
            await DisposeStartedAsync(startingDoors).ConfigureAwait(false);
            throw;
        }

        var zone = site.FindTimeZone();
        ISchedule schedule = options.Schedule == FleetSchedule.Busy
            ? new BusySchedule(desks, doors, options.Sensor, seed, clock.NowMs)
            : new RealisticSchedule(desks, doors, zone, seed, site.OpeningHours);
        var fleet = new Fleet(options, clock, desks, doors, schedule, zone, loggerFactory.CreateLogger<Fleet>());
        fleet.LogStarted(desks.Length, desks.Count(d => d.PresenceSensor == PresenceSensorKind.MmWave), doors.Length, site.SiteId, options.BrokerHost, options.BrokerPort, seed);
        return fleet;
    }

    /// <summary>
    /// Plays the simulated time until <see cref="FleetOptions.Duration"/> has passed or it is
    /// cancelled, with a progress line every <see cref="FleetOptions.SummaryInterval"/> (real time).
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        long step = (long)_options.EffectiveStep.TotalMilliseconds;
        long end = _options.Duration is { } duration ? Clock.NowMs + (long)duration.TotalMilliseconds : long.MaxValue;
        bool accelerated = _options.Speed > 1;
        var real = Stopwatch.StartNew();
        long simAtStart = Clock.NowMs;
        var progress = new FleetProgress(this);
        var nextSummary = TimeSpan.Zero;
        try
        {
            if (accelerated)
            {
                // Fast-forwarding before the devices are on line would only fill their queues.
                await WaitForConnectionsAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
                real.Restart();
            }

            while (Clock.NowMs < end && !cancellationToken.IsCancellationRequested)
            {
                long next = Math.Min(Clock.NowMs + step, end);
                if (!double.IsPositiveInfinity(_options.Speed))
                {
                    var due = TimeSpan.FromMilliseconds((next - simAtStart) / _options.Speed);
                    if (due - real.Elapsed > TimeSpan.FromMilliseconds(1))
                    {
                        await Task.Delay(due - real.Elapsed, cancellationToken).ConfigureAwait(false);
                    }
                }

                if (accelerated)
                {
                    await WaitForDoorAnswersAsync(next, cancellationToken).ConfigureAwait(false);
                    await WaitForBacklogAsync(cancellationToken).ConfigureAwait(false);
                }

                Clock.AdvanceTo(next);
                _schedule.Advance(next);
                StepDevices();
                if (real.Elapsed >= nextSummary)
                {
                    LogProgress(progress.Line(real.Elapsed));
                    nextSummary = real.Elapsed + _options.SummaryInterval;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The day is over.
        }

        LogProgress(progress.Line(real.Elapsed));
    }

    public string Summary() => Stats().Describe();

    /// <summary>The simulated time in the site's zone, e.g. "Mon 2026-01-05 09:14".</summary>
    public string LocalTime() => TimeZoneInfo.ConvertTime(Clock.Now, _zone).ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Waits until every device is connected, or the timeout passes.</summary>
    public async Task<bool> WaitForConnectionsAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (ConnectedCount < DeviceCount)
        {
            if (waited.Elapsed > timeout)
            {
                LogNotAllConnected(ConnectedCount, DeviceCount);
                return false;
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Shuts every device down in order (retained offline, clean disconnect).</summary>
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_all.Select(d => d.DisposeAsync().AsTask())).ConfigureAwait(false);
    }

    private void StepDevices()
    {
        if (_all.Length < 64)
        {
            foreach (var device in _all)
            {
                device.Step();
            }

            return;
        }

        Parallel.For(0, Environment.ProcessorCount, part =>
        {
            for (int i = part; i < _all.Length; i += Environment.ProcessorCount)
            {
                _all[i].Step();
            }
        });
    }

    /// <summary>
    /// Holds simulated time while a door waits for the edge, so a fast-forwarded reader does not
    /// time out before the edge could possibly answer. An edge that answers nothing (no access
    /// control yet) is given up on after three taps, until it answers again.
    /// </summary>
    private async Task WaitForDoorAnswersAsync(long nextMs, CancellationToken cancellationToken)
    {
        foreach (var door in _doors)
        {
            if (!door.HasPendingRequest || _unansweredWaits >= 3)
            {
                continue;
            }

            long deadlineMs = Clock.NowMs + (door.PendingDeadlineMs - door.Runtime.Clock.UptimeMs);
            if (deadlineMs > nextMs)
            {
                continue;
            }

            long answeredBefore = door.Reader.Granted + door.Reader.Denied;
            var waited = Stopwatch.StartNew();
            while (door.HasPendingRequest && waited.Elapsed < _options.DecisionWait)
            {
                await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            }

            if (door.Reader.Granted + door.Reader.Denied > answeredBefore)
            {
                _unansweredWaits = 0;
            }
            else if (++_unansweredWaits == 3)
            {
                LogEdgeSilent(door.DeviceId);
            }
        }

        if (_unansweredWaits >= 3 && _doors.Sum(d => d.Reader.Granted + d.Reader.Denied) > 0 && _doors.Any(d => d.HasPendingRequest))
        {
            _unansweredWaits = 0;
        }
    }

    /// <summary>Lets the broker catch up before a device's queues would overflow: fast-forwarding must not lose messages.</summary>
    private async Task WaitForBacklogAsync(CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (_all.Any(d => d.IsConnected && (d.Link.Pending > 24 || d.Runtime.Queued > d.Runtime.QueueCapacity / 2)))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                return; // the broker is stuck: carry on, the devices' queues drop and count
            }

            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        }
    }

    private static double Fraction(int seed, string deviceId) => (uint)StableHash.Of(seed, deviceId, 1) / (double)uint.MaxValue;

    private static async Task DisposeStartedAsync<TDevice>(IEnumerable<Task<TDevice>> starting)
        where TDevice : SimulatedDevice
    {
        foreach (var task in starting.Where(t => t.IsCompletedSuccessfully))
        {
            await (await task.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Started {Desks} desk sensors ({MmWave} with mmWave) and {Doors} door readers of site {Site} against {Host}:{Port}, seed {Seed}")]
    private partial void LogStarted(int desks, int mmWave, int doors, string site, string host, int port, int seed);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Progress}")]
    private partial void LogProgress(string progress);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Only {Connected} of {Devices} devices are connected; going on without the rest")]
    private partial void LogNotAllConnected(int connected, int devices);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The edge did not answer three taps in a row (last at {DoorId}): taps time out in simulated time until it answers one")]
    private partial void LogEdgeSilent(string doorId);
}
