namespace Occupancy.Fuzz.Tests;

/// <summary>AFL++ over the wire contract's parsers, time-bounded so it fits the test run.</summary>
public sealed class CoverageGuidedFuzzingTests(AflRun afl) : IClassFixture<AflRun>
{
    private const int Seconds = 45;

    [Fact]
    public async Task ContractParsers_SurviveCoverageGuidedFuzzing()
    {
        var (executions, crashes) = await afl.FuzzAsync("contract", Seconds);

        // Keep every crash as a regression input before failing, so it is fixed, not lost.
        foreach (string crash in crashes)
        {
            File.Copy(crash, Path.Combine(FuzzFolders.Regressions, "crash-" + Path.GetFileName(crash).Replace(':', '-').Replace(',', '-')), overwrite: true);
        }

        Assert.True(executions > 1000, $"the fuzzer ran only {executions} inputs");
        Assert.True(crashes.Count == 0, $"{crashes.Count} crashing input(s), copied to tests/Occupancy.Fuzz/regressions/");
    }

    [Fact]
    public async Task PlantedParserBug_IsFoundByTheFuzzer()
    {
        // A one-byte mutation of any seed reaches the planted bug; the time limit only matters
        // on a machine too busy to get there, and the run ends at the first crash.
        var (_, crashes) = await afl.FuzzAsync("planted", seconds: 180, plantBug: true, untilFirstCrash: true);

        Assert.NotEmpty(crashes);
    }
}
