using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Occupancy.Edge;
using Occupancy.Edge.Access;
using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Door;
using Occupancy.Firmware.Simulator;
using Occupancy.Testing;

namespace Occupancy.EndToEnd.Tests;

/// <summary>
/// Site "hq" with access control, every part real: the server on Kestrel, the edge in-process with its door keys
/// (restartable on the same data folder), a simulated door reader running the firmware core at the front door,
/// and an admin's HTTP session on the server.
/// </summary>
internal sealed class AccessSite : IAsyncDisposable
{
    public const string SiteKey = "access-site-key";
    public const string UnreachableServer = "http://127.0.0.1:9";
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly byte[] _doorMasterKey = RandomNumberGenerator.GetBytes(32);
    private readonly string _influxUrl;
    private readonly string _readerSecret;

    private AccessSite(ServerOnKestrel server, HttpClient admin, string influxUrl)
    {
        Server = server;
        Admin = admin;
        _influxUrl = influxUrl;
        EdgeData = Directory.CreateTempSubdirectory("occupancy-e2e-access-").FullName;
        MqttPort = FreeTcpPort.Next();
        _readerSecret = new Occupancy.Edge.Devices.DeviceRegistry(EdgeData).Provision("reader-front");
    }

    public ServerOnKestrel Server { get; }

    public HttpClient Admin { get; }

    public string EdgeData { get; }

    public int MqttPort { get; }

    public IHost? Edge { get; private set; }

    public AccessReplicaStore Replicas => Edge!.Services.GetRequiredService<AccessReplicaStore>();

    public static async Task<AccessSite> StartAsync(string influxUrl)
    {
        var server = new ServerOnKestrel(SiteKey);
        var admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = server.BaseUrl };
        using var signIn = await admin.PostAsJsonAsync("/api/account/sign-in", new { email = ServerOnKestrel.AdminEmail, password = ServerOnKestrel.AdminPassword });
        signIn.EnsureSuccessStatusCode();
        return new AccessSite(server, admin, influxUrl);
    }

    /// <summary>Starts the edge on the site's data folder, reporting to the server (or to nowhere).</summary>
    public async Task StartEdgeAsync(string? serverUrl = null)
    {
        Edge = EdgeApplication.Build([], new Dictionary<string, string?>
        {
            ["Edge:SiteId"] = "hq",
            ["Edge:DataDirectory"] = EdgeData,
            ["Edge:HttpPort"] = "0",
            ["Mqtt:Port"] = MqttPort.ToString(),
            ["Influx:Url"] = _influxUrl,
            ["Influx:Database"] = "end_to_end_access",
            ["Influx:FlushInterval"] = "00:00:00.100",
            ["Uplink:ServerUrl"] = serverUrl ?? Server.BaseUrl.ToString(),
            ["Uplink:SiteKey"] = SiteKey,
            ["Uplink:MaxRetryDelay"] = "00:00:00.500",
            ["Access:DoorMasterKey"] = Convert.ToHexString(_doorMasterKey),
            ["Access:NetworkKey"] = ServerOnKestrel.NetworkKeyHex,
        });
        await Edge.StartAsync();
    }

    public async Task StopEdgeAsync()
    {
        if (Edge is { } edge)
        {
            await edge.StopAsync();
            edge.Dispose();
            Edge = null;
        }
    }

    /// <summary>The front door's reader, the firmware core on a simulated board, logged in to the edge's broker.</summary>
    public async Task<SimulatedDoorReader> StartFrontDoorReaderAsync()
    {
        var reader = await SimulatedDoorReader.StartAsync(
            new DeviceSettings("127.0.0.1", MqttPort, "hq", "reader-front", _readerSecret)
            {
                DoorKey = DoorKeys.Derive(_doorMasterKey, "reader-front"),
                PollInterval = TimeSpan.FromMilliseconds(20),
            },
            // Each tap of these tests is a new one, not a card still lying on the reader; and a busy test machine
            // may take longer than a real door allows to answer.
            new DoorReaderOptions { RepeatTapIgnoreMs = 0, DecisionTimeoutMs = 10_000 },
            loggerFactory: null);
        using var connecting = new CancellationTokenSource(Patience);
        await reader.WaitUntilConnectedAsync(connecting.Token);
        return reader;
    }

    /// <summary>A member with a pass for hq and a card; returns their id and the pass's.</summary>
    public async Task<(Guid MemberId, Guid PassId)> NewMemberWithCardAsync(string name, string cardUid)
    {
        var member = await PostAsync("/api/admin/members", new { name, homeSpaceId = "hq" });
        var pass = await PostAsync("/api/admin/passes", new { memberId = member.GetProperty("id").GetGuid(), name = $"Flex {name}", spaceIds = new[] { "hq" } });
        await PostAsync($"/api/admin/members/{member.GetProperty("id").GetGuid()}/credentials", new { kind = "card", cardUid, label = "Card" });
        return (member.GetProperty("id").GetGuid(), pass.GetProperty("id").GetGuid());
    }

    /// <summary>
    /// A member who signs in to the dashboard with <paramref name="email"/>, with a pass for hq and a phone credential
    /// (the rotating code on their pass page), as a host would set them up; returns the credential's id.
    /// </summary>
    public async Task<Guid> NewMemberWithPhoneAsync(string name, string email, string password)
    {
        var member = await PostAsync("/api/admin/members", new { name, email, password, homeSpaceId = "hq" });
        var memberId = member.GetProperty("id").GetGuid();
        await PostAsync("/api/admin/passes", new { memberId, name = $"Flex {name}", spaceIds = new[] { "hq" } });
        var phone = await PostAsync($"/api/admin/members/{memberId}/credentials", new { kind = "phone-code", label = "Phone" });
        return phone.GetProperty("id").GetGuid();
    }

    /// <summary>Waits until the edge decides from a replica where <paramref name="condition"/> holds.</summary>
    public Task EdgeReplicaAsync(Func<global::Occupancy.Uplink.AccessReplica, bool> condition, string because) =>
        Eventually.Until(() => Edge is not null && Replicas.Current is { } r && condition(r), Patience, because);

    public async Task<System.Text.Json.JsonElement[]> AccessLogAsync() =>
        (await Admin.GetFromJsonAsync<System.Text.Json.JsonElement[]>("/api/admin/spaces/hq/access/log?limit=500"))!;

    public async ValueTask DisposeAsync()
    {
        await StopEdgeAsync();
        Admin.Dispose();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(EdgeData, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<System.Text.Json.JsonElement> PostAsync(string url, object body)
    {
        using var response = await Admin.PostAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
    }
}
