namespace Occupancy.Firmware.Simulator.Tests;

public sealed class SimulatorArgumentsTests
{
    private static readonly string Network = Path.Combine(AppContext.BaseDirectory, "demo", "network.json");

    [Fact]
    public void Arguments_WithEverything_AreParsed()
    {
        string[] args =
        [
            "--network", Network, "--site", "hq", "--broker-host", "127.0.0.1", "--broker-port", "1883",
            "--occupied-after-ms", "3000", "--free-after-ms", "20000", "--presence-gap-ms", "1500", "--seed", "42", "--secret", "s",
        ];

        Assert.True(SimulatorArguments.TryParse(args, null, out var parsed, out var error), error);

        Assert.Equal((Network, "hq", "127.0.0.1", 1883), (parsed!.NetworkFile, parsed.Site, parsed.BrokerHost, parsed.BrokerPort));
        Assert.Equal((3000, 20000, 1500), (parsed.Sensor.OccupiedAfterMs, parsed.Sensor.FreeAfterMs, parsed.Sensor.PresenceGapMs));
        Assert.Equal(42, parsed.Seed);
        Assert.Equal("s", parsed.Secret);
    }

    [Fact]
    public void Arguments_WithoutTimings_UseTheFirmwareDefaultsAndTheEnvironmentSecret()
    {
        string[] args = ["--network", Network, "--site", "hq", "--broker-host", "localhost", "--broker-port", "1883"];

        Assert.True(SimulatorArguments.TryParse(args, "from-env", out var parsed, out var error), error);

        Assert.Equal(10000, parsed!.Sensor.OccupiedAfterMs);
        Assert.Equal(600000, parsed.Sensor.FreeAfterMs);
        Assert.Null(parsed.Seed);
        Assert.Equal("from-env", parsed.Secret);
    }

    [Theory]
    [InlineData("--site hq --broker-host h --broker-port 1", "--network is required")]
    [InlineData("--network NET --broker-host h --broker-port 1", "--site is required")]
    [InlineData("--network NET --site hq --broker-port 1", "--broker-host is required")]
    [InlineData("--network NET --site hq --broker-host h", "--broker-port is required")]
    [InlineData("--network NET --site hq --broker-host h --broker-port 0", "--broker-port must be a whole number from 1 to 65535")]
    [InlineData("--network NET --site hq --broker-host h --broker-port http", "--broker-port must be a whole number")]
    [InlineData("--network NET --site hq --broker-host h --broker-port 1 --free-after-ms 0", "--free-after-ms must be")]
    [InlineData("--network NET --site hq --broker-host h --broker-port 1 --occupied-after-ms -5", "--occupied-after-ms must be")]
    [InlineData("--network NET --site hq --broker-host h --broker-port 1 --warp 2", "unknown option '--warp'")]
    [InlineData("--network NET --site hq --broker-host h --broker-port 1 --speed fast", "--speed must be a number")]
    [InlineData("--network NET --site hq --broker-host h --broker-port 1 --speed 0", "--speed must be a number")]
    [InlineData("--network NET --site hq --broker-host h --broker-port 1 --schedule lazy", "--schedule must be 'realistic' or 'busy'")]
    [InlineData("--network NET --site hq --broker-host h --broker-port 1 --start yesterday", "--start must be a date and time")]
    [InlineData("--network NET --site hq --broker-host h --broker-port 1 --door-master-key abcd", "--door-master-key must be at least 32 hex digits")]
    [InlineData("--network NET --site hq --broker-host h --broker-port 1 --mmwave-share 1.5", "--mmwave-share must be a number from 0 to 1")]
    [InlineData("--network NET --desks 10 --broker-host h --broker-port 1", "either --network or --desks")]
    [InlineData("--desks 10 --site HQ --broker-host h --broker-port 1", "'HQ' is not a site id")]
    [InlineData("--network NET --site hq --broker-host h --broker-port", "--broker-port needs a value")]
    [InlineData("--network NET --site --broker-host h --broker-port 1", "--site needs a value")]
    [InlineData("--network NET --site hq --site hq --broker-host h --broker-port 1", "--site is given twice")]
    [InlineData("--network /no/such/file.json --site hq --broker-host h --broker-port 1", "no such file")]
    public void Arguments_WhenWrong_SayWhatIsWrong(string commandLine, string expected)
    {
        string[] args = commandLine.Replace("NET", Network, StringComparison.Ordinal).Split(' ');

        Assert.False(SimulatorArguments.TryParse(args, null, out var parsed, out var error));

        Assert.Null(parsed);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Arguments_ForSeedingAWeek_StartAtLocalMidnightAWeekAgoAndRunSevenDaysFlatOut()
    {
        string[] args = ["--network", Network, "--site", "hq", "--broker-host", "h", "--broker-port", "1", "--speed", "max", "--days", "7"];
        Assert.True(SimulatorArguments.TryParse(args, null, out var parsed, out var error), error);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        var options = parsed!.ToFleetOptions(berlin, new DateTimeOffset(2026, 1, 12, 15, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.FromHours(1)), options.Start);
        Assert.Equal(TimeSpan.FromDays(7), options.Duration);
        Assert.True(double.IsPositiveInfinity(options.Speed));
        Assert.Equal(TimeSpan.FromSeconds(1), options.EffectiveStep);
    }

    [Fact]
    public void Arguments_AtRealTime_StartNowWithFineSteps()
    {
        string[] args = ["--network", Network, "--site", "hq", "--broker-host", "h", "--broker-port", "1"];
        Assert.True(SimulatorArguments.TryParse(args, null, out var parsed, out var error), error);
        var now = new DateTimeOffset(2026, 1, 12, 15, 30, 0, TimeSpan.Zero);

        var options = parsed!.ToFleetOptions(TimeZoneInfo.Utc, now);

        Assert.Equal(now, options.Start);
        Assert.Null(options.Duration);
        Assert.Equal(1, options.Speed);
        Assert.Equal(FleetSchedule.Realistic, options.Schedule);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.EffectiveStep);
    }

    [Theory]
    [InlineData("2026-03-02T08:00", "2026-03-02T07:00:00+00:00")] // site time, Berlin in winter
    [InlineData("2026-03-02T08:00Z", "2026-03-02T08:00:00+00:00")]
    [InlineData("2026-03-02T08:00+05:00", "2026-03-02T03:00:00+00:00")]
    public void Arguments_Start_IsSiteTimeUnlessItCarriesAnOffset(string start, string expectedUtc)
    {
        string[] args = ["--network", Network, "--site", "hq", "--broker-host", "h", "--broker-port", "1", "--start", start];
        Assert.True(SimulatorArguments.TryParse(args, null, out var parsed, out var error), error);

        var options = parsed!.ToFleetOptions(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), DateTimeOffset.UtcNow);

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), options.Start);
    }

    [Fact]
    public void Arguments_WithDesksAndDoors_MakeUpASiteOfThatSize()
    {
        string[] args = ["--desks", "1000", "--doors", "20", "--broker-host", "h", "--broker-port", "1", "--door-master-key", new string('a', 64)];
        Assert.True(SimulatorArguments.TryParse(args, null, out var parsed, out var error), error);

        var site = parsed!.LoadSite();

        Assert.Equal(("sim", 1000, 20), (site.SiteId, site.DeskDeviceIds.Count, site.DoorDeviceIds.Count));
        Assert.Equal("sensor-0001", site.DeskDeviceIds[0]);
        Assert.Equal("reader-20", site.DoorDeviceIds[^1]);
        Assert.Equal(32, parsed.DoorMasterKey!.Length);
    }

    [Fact]
    public void Arguments_AskingForHelp_IsNotAnError()
    {
        Assert.False(SimulatorArguments.TryParse(["--help"], null, out _, out var error));
        Assert.Null(error);
    }
}
