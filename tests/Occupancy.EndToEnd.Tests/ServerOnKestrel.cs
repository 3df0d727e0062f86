using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Occupancy.EndToEnd.Tests;

/// <summary>
/// The real server on Kestrel on a loopback port (a browser and the edge's SignalR client need
/// a real socket), with the demo network seeded into a fresh SQLite file, or into the database
/// that <paramref name="settings"/> name (e.g. <c>ConnectionStrings:Occupancy</c>, <c>Server:Redis</c>).
/// </summary>
internal sealed class ServerOnKestrel : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("occupancy-server-").FullName;

    private readonly IReadOnlyDictionary<string, string?> _settings;

    public ServerOnKestrel(string siteKey, IReadOnlyDictionary<string, string?>? settings = null)
    {
        SiteKey = siteKey;
        _settings = settings ?? new Dictionary<string, string?>();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = new Uri(addresses.First());
    }

    public const string AdminEmail = "admin@occupancy.test";
    public const string AdminPassword = "admin-password-for-end-to-end";

    /// <summary>The network's access key; every edge of these tests holds the same one.</summary>
    public const string NetworkKeyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    public string SiteKey { get; }

    public Uri BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Server:DataDirectory", _dataDirectory);
        builder.UseSetting("Seed:NetworkFile", RepositoryRoot.DemoNetworkFile);
        builder.UseSetting("EdgeKeys:hq", SiteKey);
        builder.UseSetting("Admin:Email", AdminEmail);
        builder.UseSetting("Admin:Password", AdminPassword);
        builder.UseSetting("Access:NetworkKey", NetworkKeyHex);

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
