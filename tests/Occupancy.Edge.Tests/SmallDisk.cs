using System.Diagnostics;

namespace Occupancy.Edge.Tests;

/// <summary>
/// A real file system that fills up: a tmpfs of a few hundred kilobytes mounted for one test
/// (needs root, as the test run has). <see cref="Fill"/> takes every free byte; <see cref="Free"/> gives them back.
/// </summary>
internal sealed class SmallDisk : IDisposable
{
    private readonly string _filler;

    private SmallDisk(string path)
    {
        Path = path;
        _filler = System.IO.Path.Combine(path, "filler");
    }

    public string Path { get; }

    public static SmallDisk Mount(int kilobytes)
    {
        string path = Directory.CreateTempSubdirectory("occupancy-small-disk-").FullName;
        Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", path);
        return new SmallDisk(path);
    }

    public void Fill()
    {
        using var file = new FileStream(_filler, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        var chunk = new byte[4096];
        try
        {
            while (true)
            {
                file.Write(chunk);
            }
        }
        catch (IOException)
        {
            // Full.
        }
    }

    public void Free() => File.Delete(_filler);

    /// <summary>A test edge (no InfluxDB behind it) whose outbox is on this disk and retries a failed write every 200 ms.</summary>
    public Task<TestEdge> StartEdgeAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Outbox:Directory"] = System.IO.Path.Combine(Path, "outbox"),
            ["Outbox:MaxRetryDelay"] = "00:00:00.200",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return TestEdge.StartAsync("http://127.0.0.1:9", settings: all);
    }

    public void Dispose()
    {
        Run("umount", "-l", Path);
        Directory.Delete(Path);
    }

    private static void Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error} — this test needs root to mount a small tmpfs");
        }
    }
}
