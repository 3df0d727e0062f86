using System.Diagnostics;
using Occupancy.Testing;

namespace Occupancy.Fuzz.Tests;

/// <summary>
/// The fuzzing pipeline: publish the harness, instrument the firmware core with SharpFuzz, and
/// run AFL++ (Debian's afl++) over the seed corpus for a bounded time.
/// </summary>
public sealed class AflRun : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("occupancy-fuzz-").FullName;

    public string Harness => Path.Combine(_work, "app", "Occupancy.Fuzz.dll");

    public async Task InitializeAsync()
    {
        RequiredCommand.Locate("afl-fuzz", "afl++");
        string app = Path.Combine(_work, "app");
        await RunAsync("dotnet", ["tool", "restore"], FuzzFolders.Repository);
        await RunAsync("dotnet", ["publish", Path.Combine(FuzzFolders.Project, "Occupancy.Fuzz.csproj"), "-c", "Release", "-o", app, "-p:UseAppHost=false", "-nologo", "-v", "quiet"], FuzzFolders.Repository);
        await RunAsync("dotnet", ["tool", "run", "sharpfuzz", Path.Combine(app, "Occupancy.Firmware.Core.dll")], FuzzFolders.Repository);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_work, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Fuzzes for <paramref name="seconds"/>; returns the executions done and the crashing inputs found.</summary>
    /// <param name="untilFirstCrash">Stop at the first crash instead of running out the time.</param>
    public async Task<(long Executions, IReadOnlyList<string> Crashes)> FuzzAsync(string name, int seconds, bool plantBug = false, bool untilFirstCrash = false)
    {
        string output = Path.Combine(_work, "out-" + name);
        var environment = new Dictionary<string, string>
        {
            ["AFL_SKIP_BIN_CHECK"] = "1",
            ["AFL_SKIP_CPUFREQ"] = "1",
            ["AFL_NO_UI"] = "1",
            ["AFL_NO_AFFINITY"] = "1",
            ["AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES"] = "1",
            [ContractFuzzTarget.PlantedBugVariable] = plantBug ? "1" : "0",
        };
        if (untilFirstCrash)
        {
            environment["AFL_BENCH_UNTIL_CRASH"] = "1";
        }

        string aflFuzz = RequiredCommand.Locate("afl-fuzz", "afl++");
        await RunAsync(aflFuzz, ["-i", FuzzFolders.Corpus, "-o", output, "-t", "5000", "-m", "none", "-V", seconds.ToString(), "--", "dotnet", Harness], _work, environment);

        string stats = await File.ReadAllTextAsync(Path.Combine(output, "default", "fuzzer_stats"));
        long executions = long.Parse(StatValue(stats, "execs_done"));
        string crashFolder = Path.Combine(output, "default", "crashes");
        var crashes = Directory.Exists(crashFolder)
            ? Directory.EnumerateFiles(crashFolder, "id:*").ToList()
            : [];
        return (executions, crashes);
    }

    private static string StatValue(string stats, string name) =>
        stats.Split('\n').Select(line => line.Split(':', 2)).First(parts => parts[0].Trim() == name)[1].Trim();

    private static async Task RunAsync(string command, string[] arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(command)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            string output = await stdout + await stderr;
            string tail = output[^Math.Min(2000, output.Length)..];
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} exited with {process.ExitCode}: {tail}");
        }
    }
}
