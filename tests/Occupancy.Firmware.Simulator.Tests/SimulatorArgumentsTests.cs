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
    [InlineData("--network NET --site hq --broker-host h --broker-port 1 --speed 2", "unknown option '--speed'")]
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
    public void Arguments_AskingForHelp_IsNotAnError()
    {
        Assert.False(SimulatorArguments.TryParse(["--help"], null, out _, out var error));
        Assert.Null(error);
    }
}
