using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Occupancy.Bench.AccessSync;

/// <summary>The real server on a loopback port with the demo network in a fresh SQLite file, quiet logs.</summary>
internal sealed class BenchServer : WebApplicationFactory<Program>
{
    public const string SiteKey = "bench-site-key";
    public const string AdminEmail = "admin@occupancy.bench";
    public const string AdminPassword = "admin-password-for-bench";
    public const string NetworkKeyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("occupancy-bench-server-").FullName;

    public BenchServer(string networkFile)
    {
        NetworkFile = networkFile;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public string NetworkFile { get; }

    public Uri BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Server:DataDirectory", _dataDirectory);
        builder.UseSetting("Seed:NetworkFile", NetworkFile);
        builder.UseSetting("EdgeKeys:hq", SiteKey);
        builder.UseSetting("Admin:Email", AdminEmail);
        builder.UseSetting("Admin:Password", AdminPassword);
        builder.UseSetting("Access:NetworkKey", NetworkKeyHex);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
