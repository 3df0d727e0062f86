using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Occupancy.Server.Authentication;
using Occupancy.Server.Data;
using Occupancy.Server.Hubs;
using Occupancy.Server.Live;
using Occupancy.Uplink;

namespace Occupancy.Server.Extensions;

/// <summary>The server's service registrations, in one place.</summary>
public static class Extensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // A built (not published) server serves the dashboard from the project's wwwroot through the build's
        // static web assets manifest, in every environment; a published one has no manifest and uses its own wwwroot.
        builder.WebHost.UseStaticWebAssets();

        services.AddOptions<EdgeKeysOptions>()
            .Configure<IConfiguration>((options, configuration) => configuration.GetSection(EdgeKeysOptions.SectionName).Bind(options.Keys))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EdgeKeysOptions>, EdgeKeysOptionsValidator>();

        services.AddOccupancyDatabase();

        services.AddSingleton<OccupancyMetrics>();
        services.AddOptions<DashboardPushOptions>().BindConfiguration(DashboardPushOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DashboardPublisher>();
        services.AddSingleton<LiveOccupancy>();
        services.AddSingleton<EdgeConnections>();
        services.AddSingleton(TimeProvider.System);

        services.AddOccupancyIdentity();
        services.AddSingleton<SiteKeyVerifier>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, SiteKeyAuthenticationHandler>(SiteKeyDefaults.AuthenticationScheme, configureOptions: null);
        services.AddAuthorizationBuilder()
            .AddPolicy(SiteKeyDefaults.EdgePolicy, policy => policy
                .AddAuthenticationSchemes(SiteKeyDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(SiteKeyDefaults.SiteClaim));

        services.AddAccessControl();
        services.AddApis();
        services.AddUtilisation();
        services.AddSignalR().AddHubOptions<EdgeHub>(o => o.MaximumReceiveMessageSize = EdgeHubContract.MaxMessageBytes);
        services.AddScaleOut();
    }
}
