using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Occupancy.Server.Tests.Dashboard;

/// <summary>The real server on a loopback port, for a real browser: demo network seeded, the test admin configured.</summary>
public sealed class DashboardOnKestrel : WebApplicationFactory<Program>
{
    public const string HostEmail = "host@occupancy.test";
    public const string MemberEmail = "member@occupancy.test";
    public const string DemoPassword = "demo-password-for-tests";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("occupancy-dashboard-").FullName;
    private readonly TimeProvider? _clock;
    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="clock">The server's clock when a test drives time (FakeTimeProvider); the system clock otherwise.</param>
    /// <param name="settings">More configuration, e.g. where InfluxDB is.</param>
    public DashboardOnKestrel(TimeProvider? clock = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        _clock = clock;
        _settings = settings ?? new Dictionary<string, string>();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Server:DataDirectory", _dataDirectory);
        builder.UseSetting("Seed:NetworkFile", RepoPaths.DemoNetwork);
        builder.UseSetting("Admin:Email", OccupancyServerFactory.AdminEmail);
        builder.UseSetting("Admin:Password", OccupancyServerFactory.AdminPassword);
        // Reports roll up the days they need on demand; the background roll-up would otherwise reach for an InfluxDB
        // on the default port. Tests of the roll-up turn it on or call it themselves.
        builder.UseSetting("UsageRollup:Enabled", "false");
        // The demo's host of hq and member (with a pass for hq and a phone credential), as `./occupancy demo` makes them.
        builder.UseSetting("DemoAccounts:HostEmail", HostEmail);
        builder.UseSetting("DemoAccounts:HostPassword", DemoPassword);
        builder.UseSetting("DemoAccounts:MemberEmail", MemberEmail);
        builder.UseSetting("DemoAccounts:MemberPassword", DemoPassword);
        if (_clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(_clock));
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
