using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Occupancy.Server.Tests.Dashboard;

/// <summary>The real server on a loopback port, for a real browser: demo network seeded, the test admin configured.</summary>
public sealed class DashboardOnKestrel : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("occupancy-dashboard-").FullName;

    public DashboardOnKestrel()
    {
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
