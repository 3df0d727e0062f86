using System.Globalization;
using Occupancy.Firmware.Desk;

namespace Occupancy.Firmware.Simulator;

/// <summary>The simulator's command line, parsed and checked before anything starts.</summary>
public sealed record SimulatorArguments(string NetworkFile, string Site, string BrokerHost, int BrokerPort)
{
    public const string SecretVariable = "OCCUPANCY_DEVICE_SECRET";

    public const string Usage =
        """
        usage: Occupancy.Firmware.Simulator --network FILE --site ID --broker-host HOST --broker-port PORT
                 [--occupied-after-ms N] [--free-after-ms N] [--presence-gap-ms N] [--seed N] [--secret S]

          --network FILE          the network JSON (e.g. scripts/demo/network.json)
          --site ID               the space whose desks and doors to simulate
          --broker-host HOST      MQTT broker (the site's edge)
          --broker-port PORT      its port
          --occupied-after-ms N   presence needed before a desk is occupied (firmware default 10000)
          --free-after-ms N       no presence needed before a desk is free (firmware default 600000)
          --presence-gap-ms N     PIR gaps bridged while sitting (firmware default 5000)
          --seed N                replay the same simulated day
          --secret S              device secret for every device (or set OCCUPANCY_DEVICE_SECRET)
        """;

    public string Secret { get; init; } = string.Empty;

    public int? Seed { get; init; }

    public DeskSensorOptions Sensor { get; init; } = new();

    /// <summary>Parses <paramref name="args"/>; false with the reason in <paramref name="error"/> (null for --help).</summary>
    public static bool TryParse(string[] args, string? secretFromEnvironment, out SimulatorArguments? parsed, out string? error)
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

        var reader = new Reader(values);
        string? network = reader.Required("--network");
        string? site = reader.Required("--site");
        string? host = reader.Required("--broker-host");
        int? port = reader.Number("--broker-port", 1, 65535, required: true);
        var defaults = new DeskSensorOptions();
        int? occupiedAfter = reader.Number("--occupied-after-ms", 0, int.MaxValue);
        int? freeAfter = reader.Number("--free-after-ms", 1, int.MaxValue);
        int? gap = reader.Number("--presence-gap-ms", 0, int.MaxValue);
        int? seed = reader.Number("--seed", int.MinValue, int.MaxValue);
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

        parsed = new SimulatorArguments(network!, site!, host!, port!.Value)
        {
            Secret = values.GetValueOrDefault("--secret") ?? secretFromEnvironment ?? string.Empty,
            Seed = seed,
            Sensor = new DeskSensorOptions
            {
                OccupiedAfterMs = occupiedAfter ?? defaults.OccupiedAfterMs,
                FreeAfterMs = freeAfter ?? defaults.FreeAfterMs,
                PresenceGapMs = gap ?? defaults.PresenceGapMs,
            },
        };
        return true;
    }

    public FleetOptions ToFleetOptions() => new()
    {
        BrokerHost = BrokerHost,
        BrokerPort = BrokerPort,
        Secret = Secret,
        Sensor = Sensor,
        Seed = Seed,
    };

    private static readonly HashSet<string> KnownOptions =
    [
        "--network", "--site", "--broker-host", "--broker-port", "--occupied-after-ms",
        "--free-after-ms", "--presence-gap-ms", "--seed", "--secret",
    ];

    /// <summary>Reads values and keeps the first problem found.</summary>
    private sealed class Reader(Dictionary<string, string> values)
    {
        public string? Error { get; private set; }

        public string? Required(string name)
        {
            if (values.TryGetValue(name, out var value))
            {
                return value;
            }

            Error ??= $"{name} is required";
            return null;
        }

        public int? Number(string name, int min, int max, bool required = false)
        {
            string? text = required ? Required(name) : values.GetValueOrDefault(name);
            if (text is null)
            {
                return null;
            }

            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int number) || number < min || number > max)
            {
                Error ??= $"{name} must be a whole number from {min} to {max}, not '{text}'";
                return null;
            }

            return number;
        }
    }
}
