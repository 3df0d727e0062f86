using System.Net.Http.Json;
using Occupancy.Server.Models.Admin;
using Occupancy.Server.Tests.Utilisation;
using Occupancy.Testing;

namespace Occupancy.Server.Tests.Authorization;

/// <summary>
/// One server for the whole matrix: space A ("hq", seeded) and space B ("pier", made here with a floor, zone, desk,
/// door and device), a session per role, and members and passes on either side and across both. On SQLite;
/// <see cref="PostgreSqlAccessWorld"/> builds the same world on PostgreSQL.
/// </summary>
public class AccessWorld : IAsyncLifetime
{
    public const string PierKey = "pier-edge-key";

    private readonly Dictionary<Role, Session> _sessions = [];
    private int _next;

    private OccupancyServerFactory? _server;
    private InfluxdServer? _influxd;

    public OccupancyServerFactory Server => _server ?? throw new InvalidOperationException("The world is not built yet.");

    /// <summary>Names used in the matrix's URLs and bodies, e.g. {memberA}, {passAB}.</summary>
    public Dictionary<string, string> Ids { get; } = [];

    public Session As(Role role) => _sessions[role];

    public Session Admin => _sessions[Role.Admin];

    /// <summary>A number no other request used, for ids that must be new.</summary>
    public int Next() => Interlocked.Increment(ref _next);

    public async Task InitializeAsync()
    {
        // Utilisation endpoints read a real influxd: an allowed request must get its 200, not a 503.
        _influxd = await InfluxdServer.StartAsync();
        await _influxd.CreateDatabaseAsync(KnownWeek.Database);
        var settings = KnownWeek.Settings(_influxd);
        settings["EdgeKeys:pier"] = PierKey;
        _server = new OccupancyServerFactory(await ConnectionStringAsync(), settings);
        _sessions[Role.Anonymous] = Session.Anonymous(Server);
        var admin = _sessions[Role.Admin] = await Session.AdminAsync(Server);
        await PostAsync("/api/admin/spaces", new SpaceRequest("pier", "Pier", "Europe/Lisbon", []));
        await PostAsync("/api/admin/spaces/pier/floors", new FloorRequest("floor-1", "Deck", 1000, 600));
        await PostAsync("/api/admin/spaces/pier/zones", new ZoneRequest("quiet", "Quiet"));
        await PostAsync("/api/admin/spaces/pier/desks", new DeskRequest("desk-1", "floor-1", "1", 10, 10, 100, 60, "rect", "quiet", "sensor-1"));
        await PostAsync("/api/admin/spaces/pier/doors", new DoorRequest("gate", "floor-1", "Gate", "reader-gate"));
        await PostAsync("/api/admin/spaces/pier/devices", new DeviceRequest("sensor-1", "desk"));

        _sessions[Role.HostOfA] = await Session.NewUserAsync(Server, admin, "host-a", hostOf: ["hq"]);
        _sessions[Role.HostOfB] = await Session.NewUserAsync(Server, admin, "host-b", hostOf: ["pier"]);
        _sessions[Role.Member] = await Session.NewUserAsync(Server, admin, "member", member: true);
        Ids["hostA"] = _sessions[Role.HostOfA].Account!.Id;

        Ids["memberA"] = await NewMemberAsync("hq");
        Ids["memberB"] = await NewMemberAsync("pier");
        Ids["memberAB"] = await NewMemberAsync("hq");
        Ids["passA"] = await NewPassAsync(Ids["memberA"], "hq");
        Ids["passB"] = await NewPassAsync(Ids["memberB"], "pier");
        Ids["passAB"] = await NewPassAsync(Ids["memberAB"], "hq", "pier");
    }

    public async Task<string> NewMemberAsync(string homeSpaceId)
    {
        var member = await PostAsync<MemberView>("/api/admin/members", new MemberRequest($"Member {Next()}", null, homeSpaceId));
        return member.Id.ToString();
    }

    public async Task<string> NewPassAsync(string memberId, params string[] spaceIds)
    {
        var pass = await PostAsync<PassView>("/api/admin/passes", new PassRequest(Guid.Parse(memberId), "Pass", spaceIds, [], [], null, null, null, null));
        return pass.Id.ToString();
    }

    public async Task<T> PostAsync<T>(string url, object body)
    {
        using var response = await PostAsync(url, body);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    public async Task<HttpResponseMessage> PostAsync(string url, object body)
    {
        var response = await Admin.Client.PostAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"Setting up the matrix: POST {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    public virtual async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_influxd is not null)
        {
            await _influxd.DisposeAsync();
        }
    }

    /// <summary>The database to build the world in; null for SQLite in a temporary data folder.</summary>
    protected virtual Task<string?> ConnectionStringAsync() => Task.FromResult<string?>(null);
}
