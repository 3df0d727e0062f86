using System.Globalization;
using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Desk;
using Occupancy.Firmware.Door;

namespace Occupancy.Firmware.Simulator;

/// <summary>The simulator's command line, parsed and checked before anything starts.</summary>
public sealed record SimulatorArguments(string NetworkFile, string Site, string BrokerHost, int BrokerPort)
{
    public const string SecretVariable = "OCCUPANCY_DEVICE_SECRET";
    public const string DoorMasterKeyVariable = "OCCUPANCY_DOOR_MASTER_KEY";

    public const string Usage =
        """
        usage: Occupancy.Firmware.Simulator (--network FILE --site ID | --desks N [--doors N] [--site ID])
                 --broker-host HOST --broker-port PORT [options]

        the site
          --network FILE          the network JSON (e.g. scripts/demo/network.json)
          --site ID               the space whose desks and doors to simulate (default "sim" with --desks)
          --desks N, --doors N    a made-up site of N desk sensors and N door readers instead of --network
          --broker-host HOST      MQTT broker (the site's edge)
          --broker-port PORT      its port
          --secret S              device secret for every device (or set OCCUPANCY_DEVICE_SECRET)
          --door-master-key HEX   site master key the door keys are derived from (or OCCUPANCY_DOOR_MASTER_KEY)
        time
          --speed N|max           simulated seconds per real second (default 1: real time; max: as fast as possible)
          --start TIME            simulated start, e.g. 2026-01-05T07:00 (site time) or with an offset (default: now,
                                  or with --days that many days before today's local midnight)
          --days N                stop after N simulated days (default: run until stopped)
          --step-ms N             simulated time between two device loop passes (default 100, 1000 above 20x)
          --progress-s N          seconds between progress lines (default 10)
        people and devices
          --schedule realistic|busy  realistic coworking days (default), or people coming and going all the time
          --seed N                replay the same simulated people and devices
          --mmwave-share F        share of desks with an LD2410 mmWave sensor instead of a PIR (default 0.25)
          --occupied-after-ms N   presence needed before a desk is occupied (firmware default 10000)
          --free-after-ms N       no presence needed before a desk is free (firmware default 600000)
          --presence-gap-ms N     PIR gaps bridged while sitting (firmware default 5000)
          --heartbeat-ms N        heartbeat interval of every device (firmware default 300000)
          --members-out FILE      write the simulated members and their card UIDs (to seed access control)
        """;

    private static readonly HashSet<string> KnownOptions =
    [
        "--network", "--site", "--broker-host", "--broker-port", "--occupied-after-ms", "--free-after-ms", "--presence-gap-ms",
        "--seed", "--secret", "--desks", "--doors", "--speed", "--start", "--days", "--step-ms", "--progress-s", "--schedule",
        "--mmwave-share", "--heartbeat-ms", "--door-master-key", "--members-out",
    ];

    public string Secret { get; init; } = string.Empty;

    public int? Seed { get; init; }

    public DeskSensorOptions Sensor { get; init; } = new();

    public DoorReaderOptions Door { get; init; } = new();

    /// <summary>A made-up site of this many desks (instead of <see cref="NetworkFile"/>), or null.</summary>
    public int? Desks { get; init; }

    public int Doors { get; init; }

    /// <summary>Simulated seconds per real second; infinity for "max".</summary>
    public double Speed { get; init; } = 1;

    /// <summary>The start as given (site-local when it has no offset), or null.</summary>
    public DateTimeOffset? StartWithOffset { get; init; }

    public DateTime? StartLocal { get; init; }

    public double? Days { get; init; }

    public int? StepMs { get; init; }

    public int ProgressSeconds { get; init; } = 10;

    public FleetSchedule Schedule { get; init; } = FleetSchedule.Realistic;

    public double MmWaveShare { get; init; } = 0.25;

    public byte[]? DoorMasterKey { get; init; }

    public string? MembersOut { get; init; }

    /// <summary>Parses <paramref name="args"/>; false with the reason in <paramref name="error"/> (null for --help).</summary>
    public static bool TryParse(string[] args, string? secretFromEnvironment, out SimulatorArguments? parsed, out string? error, string? doorKeyFromEnvironment = null)
    {
        parsed = null;
        error = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (name is "--help" or "-h")
            {
                return false;
            }

            if (!KnownOptions.Contains(name))
            {
                error = $"unknown option '{name}'";
                return false;
            }

            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"{name} needs a value";
                return false;
            }

            if (!values.TryAdd(name, args[++i]))
            {
                error = $"{name} is given twice";
                return false;
            }
        }

        var reader = new ArgumentReader(values);
        int? desks = reader.Number("--desks", 0, 100_000);
        int? doors = reader.Number("--doors", 0, 1000);
        string? network = desks is null ? reader.Required("--network") : reader.Text("--network");
        string? site = desks is null ? reader.Required("--site") : reader.Text("--site") ?? "sim";
        string? host = reader.Required("--broker-host");
        int? port = reader.Number("--broker-port", 1, 65535, required: true);
        var sensor = new DeskSensorOptions
        {
            OccupiedAfterMs = reader.Number("--occupied-after-ms", 0, int.MaxValue) ?? DeskConfigMessage.DefaultOccupiedAfterMs,
            FreeAfterMs = reader.Number("--free-after-ms", 1, int.MaxValue) ?? DeskConfigMessage.DefaultFreeAfterMs,
            PresenceGapMs = reader.Number("--presence-gap-ms", 0, int.MaxValue) ?? DeskConfigMessage.DefaultPresenceGapMs,
            HeartbeatMs = reader.Number("--heartbeat-ms", 1000, int.MaxValue) ?? ConfigFields.DefaultHeartbeatMs,
        };
        int? seed = reader.Number("--seed", int.MinValue, int.MaxValue);
        double speed = ReadSpeed(reader);
        double? days = reader.Decimal("--days", 0.0001, 3660);
        int? stepMs = reader.Number("--step-ms", 10, 60_000);
        int progress = reader.Number("--progress-s", 1, 3600) ?? 10;
        double share = reader.Decimal("--mmwave-share", 0, 1) ?? 0.25;
        var schedule = ReadSchedule(reader);
        var (startOffset, startLocal) = ReadStart(reader);
        byte[]? masterKey = ReadKey(reader, doorKeyFromEnvironment);
        if (reader.Error is not null)
        {
            error = reader.Error;
            return false;
        }

        if (network is not null && !File.Exists(network))
        {
            error = $"--network: no such file '{network}'";
            return false;
        }

        if (desks is not null && network is not null)
        {
            error = "give either --network or --desks, not both";
            return false;
        }

        if (!Ids.IsValid(site!))
        {
            error = $"--site: '{site}' is not a site id (1-32 of a-z, 0-9 and '-')";
            return false;
        }

        parsed = new SimulatorArguments(network ?? string.Empty, site!, host!, port!.Value)
        {
            Secret = values.GetValueOrDefault("--secret") ?? secretFromEnvironment ?? string.Empty,
            Seed = seed,
            Sensor = sensor,
            Door = new DoorReaderOptions { HeartbeatMs = sensor.HeartbeatMs },
            Desks = desks,
            Doors = doors ?? 0,
            Speed = speed,
            StartWithOffset = startOffset,
            StartLocal = startLocal,
            Days = days,
            StepMs = stepMs,
            ProgressSeconds = progress,
            Schedule = schedule,
            MmWaveShare = share,
            DoorMasterKey = masterKey,
            MembersOut = values.GetValueOrDefault("--members-out"),
        };
        return true;
    }

    /// <summary>The site to simulate: from the network file, or made up with --desks.</summary>
    public SiteDevices LoadSite() => Desks is int desks ? SiteDevices.Generate(Site, desks, Doors) : SiteDevices.Load(NetworkFile, Site);

    /// <summary>When the simulated time starts, given the site's time zone and the real now.</summary>
    public DateTimeOffset ResolveStart(TimeZoneInfo zone, DateTimeOffset now)
    {
        if (StartWithOffset is { } exact)
        {
            return exact;
        }

        if (StartLocal is { } local)
        {
            return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
        }

        if (Days is double days && Speed > 1)
        {
            // Seeding history: whole days that end at today's local midnight.
            var today = TimeZoneInfo.ConvertTime(now, zone).Date;
            var first = today.AddDays(-Math.Ceiling(days));
            return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(first, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
        }

        return now;
    }

    public FleetOptions ToFleetOptions(TimeZoneInfo zone, DateTimeOffset now) => new()
    {
        BrokerHost = BrokerHost,
        BrokerPort = BrokerPort,
        Secret = Secret,
        Sensor = Sensor,
        Door = Door,
        Seed = Seed,
        Schedule = Schedule,
        Speed = Speed,
        Start = ResolveStart(zone, now),
        Duration = Days is double days ? TimeSpan.FromDays(days) : null,
        MmWaveShare = MmWaveShare,
        Step = StepMs is int step ? TimeSpan.FromMilliseconds(step) : null,
        DoorMasterKey = DoorMasterKey,
        SummaryInterval = TimeSpan.FromSeconds(ProgressSeconds),
    };

    private static double ReadSpeed(ArgumentReader reader)
    {
        if (reader.Text("--speed") == "max")
        {
            return double.PositiveInfinity;
        }

        return reader.Decimal("--speed", 0.01, 1_000_000) ?? 1;
    }

    private static FleetSchedule ReadSchedule(ArgumentReader reader)
    {
        switch (reader.Text("--schedule"))
        {
            case null or "realistic":
                return FleetSchedule.Realistic;
            case "busy":
                return FleetSchedule.Busy;
            default:
                reader.Fail($"--schedule must be 'realistic' or 'busy', not '{reader.Text("--schedule")}'");
                return FleetSchedule.Realistic;
        }
    }

    private static (DateTimeOffset? Offset, DateTime? Local) ReadStart(ArgumentReader reader)
    {
        string? text = reader.Text("--start");
        if (text is null)
        {
            return (null, null);
        }

        bool hasOffset = text.EndsWith('Z') || (text.Length > 10 && (text.LastIndexOf('+') > 10 || text.LastIndexOf('-') > 10));
        if (hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
        {
            return (exact, null);
        }

        if (!hasOffset && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return (null, local);
        }

        reader.Fail($"--start must be a date and time such as 2026-01-05T07:00 or 2026-01-05T07:00+01:00, not '{text}'");
        return (null, null);
    }

    private static byte[]? ReadKey(ArgumentReader reader, string? fromEnvironment)
    {
        string? hex = reader.Text("--door-master-key") ?? fromEnvironment;
        if (string.IsNullOrEmpty(hex))
        {
            return null;
        }

        if (!DoorKeys.TryParse(hex, out var key))
        {
            reader.Fail("--door-master-key must be at least 32 hex digits (16 bytes)");
            return null;
        }

        return key;
    }
}
