using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Occupancy.Edge;
using Occupancy.Edge.Access;
using Occupancy.Uplink;

namespace Occupancy.Bench.AccessSync;

/// <summary>A named entry point: the server's Program is the one WebApplicationFactory refers to.</summary>
internal static class AccessSyncBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        int rounds = args.Length >= 2 && args[0] == "--rounds" ? int.Parse(args[1]) : 50;
        string root = FindRepositoryRoot();

        await using var server = new BenchServer(Path.Combine(root, "scripts", "demo", "network.json"));
        using var admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = server.BaseUrl };
        (await admin.PostAsJsonAsync("/api/account/sign-in", new { email = BenchServer.AdminEmail, password = BenchServer.AdminPassword })).EnsureSuccessStatusCode();
        var member = await PostAsync("/api/admin/members", new { name = "Bench", homeSpaceId = "hq" });
        var memberId = member.GetProperty("id").GetGuid();
        await PostAsync($"/api/admin/members/{memberId}/credentials", new { kind = "card", cardUid = "04A1B2C3" });

        string edgeData = Directory.CreateTempSubdirectory("occupancy-bench-edge-").FullName;
        using var edge = EdgeApplication.Build([], new Dictionary<string, string?>
        {
            ["Edge:SiteId"] = "hq",
            ["Edge:DataDirectory"] = edgeData,
            ["Edge:HttpPort"] = "0",
            ["Mqtt:Port"] = "0",
            ["Influx:Url"] = "http://127.0.0.1:9",
            ["Influx:CreateDatabase"] = "false",
            ["Uplink:ServerUrl"] = server.BaseUrl.ToString(),
            ["Uplink:SiteKey"] = BenchServer.SiteKey,
            ["Access:DoorMasterKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            ["Access:NetworkKey"] = BenchServer.NetworkKeyHex,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "Warning",
        });
        await edge.StartAsync();
        var replicas = edge.Services.GetRequiredService<AccessReplicaStore>();
        await UntilAsync(r => true, TimeSpan.FromSeconds(30));

        var created = new List<double>();
        var revoked = new List<double>();
        var lockdown = new List<double>();
        for (int i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            var pass = await PostAsync("/api/admin/passes", new { memberId, name = $"Pass {i}", spaceIds = new[] { "hq" } });
            string passId = pass.GetProperty("id").GetGuid().ToString();
            await UntilAsync(r => r.Passes.Any(p => p.PassId == passId), TimeSpan.FromSeconds(10));
            created.Add(watch.Elapsed.TotalMilliseconds);

            watch.Restart();
            (await admin.PostAsync($"/api/admin/passes/{passId}/revoke", null)).EnsureSuccessStatusCode();
            await UntilAsync(r => r.Passes.Single(p => p.PassId == passId).Revoked, TimeSpan.FromSeconds(10));
            revoked.Add(watch.Elapsed.TotalMilliseconds);

            bool on = i % 2 == 0;
            watch.Restart();
            (await admin.PostAsJsonAsync("/api/admin/spaces/hq/access/lockdown", new { active = on })).EnsureSuccessStatusCode();
            await UntilAsync(r => r.Lockdown == on, TimeSpan.FromSeconds(10));
            lockdown.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"machine: {Environment.ProcessorCount} CPUs, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average at the end {LoadAverage()}");
        Console.WriteLine($"rounds: {rounds}; final replica: version {replicas.Current!.Version}, {replicas.Current.Passes.Length} passes");
        Console.WriteLine("change → edge replica holds it (ms)   p50     p95     p99     max");
        Print("pass created", created);
        Print("pass revoked", revoked);
        Print("lockdown on/off", lockdown);

        await edge.StopAsync();
        Directory.Delete(edgeData, recursive: true);
        return 0;

        async Task<JsonElement> PostAsync(string url, object body)
        {
            using var response = await admin.PostAsJsonAsync(url, body);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        // The edge's store is read, not notified: a 1 ms poll bounds the error of each measurement by about a millisecond.
        async Task UntilAsync(Func<AccessReplica, bool> condition, TimeSpan timeout)
        {
            var deadline = Stopwatch.StartNew();
            while (replicas.Current is not { } current || !condition(current))
            {
                if (deadline.Elapsed > timeout)
                {
                    throw new TimeoutException("the edge did not get the change in time");
                }

                await Task.Delay(1);
            }
        }

        static void Print(string name, List<double> samples)
        {
            var sorted = samples.Order().ToArray();
            double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
            Console.WriteLine($"{name,-36} {At(0.50),7:F1} {At(0.95),7:F1} {At(0.99),7:F1} {sorted[^1],7:F1}");
        }

        static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

        static string FindRepositoryRoot()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Occupancy.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("run from inside the repository");
        }
    }
}
