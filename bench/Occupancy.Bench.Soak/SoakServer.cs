using System.Net.Http.Json;
using System.Text.Json;

namespace Occupancy.Bench.Soak;

/// <summary>
/// The server of the soak, from its build output as its own process: seeded with the soak site, the edge's key and
/// the network key, one member with a pass for the site and a card (so the edge's access replica comes from the
/// server), and an admin's session to read the access log back.
/// </summary>
internal sealed class SoakServer : IAsyncDisposable
{
    private const string AdminEmail = "admin@soak.test";
    private const string AdminPassword = "soak-admin-password";

    private readonly ServerInstance _instance;
    private readonly HttpClient _admin;
    private readonly string _networkFile;

    private SoakServer(ServerInstance instance, HttpClient admin, string networkFile) => (_instance, _admin, _networkFile) = (instance, admin, networkFile);

    public Uri BaseUrl => _instance.BaseUrl;

    public int ProcessId => _instance.ProcessId;

    public static async Task<SoakServer> StartAsync(SoakOptions options, Uri influx, string database)
    {
        string networkFile = Path.Combine(Path.GetTempPath(), $"occupancy-bench-soak-network-{Guid.NewGuid():N}.json");
        SoakSite.WriteNetworkFile(networkFile, options);
        var instance = await ServerInstance.StartAsync(new Dictionary<string, string>
        {
            ["Seed:NetworkFile"] = networkFile,
            [$"EdgeKeys:{SoakSite.SiteId}"] = SoakSite.SiteKey,
            ["Access:NetworkKey"] = SoakSite.NetworkKeyHex,
            ["Admin:Email"] = AdminEmail,
            ["Admin:Password"] = AdminPassword,

            // The InfluxDB the edge writes to, as deployed: the server reads utilisation and keeps its daily roll-ups there.
            ["Influx:Url"] = influx.ToString(),
            ["Influx:Database"] = database,

            // Every change goes to dashboards as it is applied (no 250 ms coalescing), so a dashboard connection
            // sees the moment the server has a change: that is how the soak times sensor → server.
            ["DashboardPush:Interval"] = "00:00:00",
        }, echoOutput: true);
        HttpClient admin;
        try
        {
            admin = await instance.SignedInClientAsync(AdminEmail, AdminPassword, TimeSpan.FromSeconds(60));
        }
        catch
        {
            await instance.DisposeAsync();
            File.Delete(networkFile);
            throw;
        }

        var server = new SoakServer(instance, admin, networkFile);
        try
        {
            var member = await server.PostAsync("/api/admin/members", new { name = "Soak Member", homeSpaceId = SoakSite.SiteId });
            Guid memberId = member.GetProperty("id").GetGuid();
            await server.PostAsync("/api/admin/passes", new { memberId, name = "Flex", spaceIds = new[] { SoakSite.SiteId } });
            await server.PostAsync($"/api/admin/members/{memberId}/credentials", new { kind = "card", cardUid = SiteLoad.CardUid, label = "Card" });
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The door decisions in the site's access log, as (door, timestamp ms); paged back from the newest.</summary>
    public async Task<List<(string DoorId, long TimestampMs)>> AccessDecisionsAsync()
    {
        var decisions = new List<(string, long)>();
        long? before = null;
        while (true)
        {
            string url = $"/api/admin/spaces/{SoakSite.SiteId}/access/log?limit=500" + (before is { } b ? $"&before={b}" : "");
            using var page = JsonDocument.Parse(await _admin.GetStringAsync(url));
            var entries = page.RootElement.EnumerateArray().ToList();
            if (entries.Count == 0)
            {
                return decisions;
            }

            foreach (var entry in entries.Where(e => e.GetProperty("kind").GetString() == "decision"))
            {
                decisions.Add((entry.GetProperty("doorId").GetString()!, entry.GetProperty("at").GetDateTimeOffset().ToUnixTimeMilliseconds()));
            }

            before = entries[^1].GetProperty("id").GetInt64();
        }
    }

    /// <summary>Every desk's state on the server now (its floor plans).</summary>
    public async Task<Dictionary<string, string>> DeskStatesAsync(int floors)
    {
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int f = 0; f < floors; f++)
        {
            using var plan = JsonDocument.Parse(await _admin.GetStringAsync($"/api/spaces/{SoakSite.SiteId}/floors/{SoakSite.FloorId(f)}"));
            foreach (var desk in plan.RootElement.GetProperty("desks").EnumerateArray())
            {
                states[desk.GetProperty("id").GetString()!] = desk.GetProperty("state").GetString()!;
            }
        }

        return states;
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _instance.DisposeAsync();
        File.Delete(_networkFile);
    }

    private async Task<JsonElement> PostAsync(string path, object body)
    {
        using var response = await _admin.PostAsJsonAsync(path, body);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }
}
