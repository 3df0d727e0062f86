using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Occupancy.Server.Hubs;
using Occupancy.Uplink;

namespace Occupancy.Server.Tests;

/// <summary>
/// The real server in memory, with its own temporary data folder, the demo network seeded and one edge
/// key (site "hq"). Each test gets a fresh one, so live states never leak between tests. SQLite in the data
/// folder unless given a connection string (PostgreSQL tests pass one).
/// </summary>
public sealed class OccupancyServerFactory(string? connectionString = null, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string SiteId = "hq";
    public const string SiteKey = "test-key";
    public const string AdminEmail = "admin@occupancy.test";
    public const string AdminPassword = "admin-password-for-tests";

    /// <summary>The server's clock, when a test drives time itself (FakeTimeProvider); the system clock otherwise.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>The network's access key (card hashes, member pseudonyms), as an edge of this network would hold it.</summary>
    public const string NetworkKeyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "occupancy-server-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Server:DataDirectory", _dataDirectory);
        builder.UseSetting("Seed:NetworkFile", RepoPaths.DemoNetwork);
        builder.UseSetting($"EdgeKeys:{SiteId}", SiteKey);
        builder.UseSetting("Admin:Email", AdminEmail);
        builder.UseSetting("Admin:Password", AdminPassword);
        builder.UseSetting("Access:NetworkKey", NetworkKeyHex);
        // Reports roll up the days they need on demand; the background roll-up would otherwise reach for an InfluxDB
        // on the default port. Tests of the roll-up turn it on or call it themselves.
        builder.UseSetting("UsageRollup:Enabled", "false");
        // Test passwords guard nothing: a cheap hash keeps sign-ins from dominating the run (production keeps the default).
        builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
        if (Clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(Clock));
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (connectionString is not null)
        {
            builder.UseSetting("ConnectionStrings:Occupancy", connectionString);
        }
    }

    /// <summary>An edge connection presenting <paramref name="siteKey"/> (the key of site "hq" unless told); not started.</summary>
    public HubConnection CreateEdgeConnection(string? siteKey = SiteKey) =>
        CreateHubConnection(EdgeHubContract.Path, siteKey);

    /// <summary>A dashboard connection, signed in when given a session's cookie; not started.</summary>
    public HubConnection CreateDashboardConnection(string? cookie = null) => CreateHubConnection(DashboardHub.Path, siteKey: null, cookie);

    private HubConnection CreateHubConnection(string path, string? siteKey, string? cookie = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, path), options =>
            {
                // Long polling runs over the TestServer's in-memory handler; negotiate carries the header too.
                options.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                if (siteKey is not null)
                {
                    options.Headers[EdgeHubContract.SiteKeyHeader] = siteKey;
                }

                if (cookie is not null)
                {
                    options.Headers["Cookie"] = cookie;
                }
            })
            .Build();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
