using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Occupancy.Server.Authentication;
using Occupancy.Server.Data;

namespace Occupancy.Server.Extensions;

public static class IdentityExtensions
{
    /// <summary>
    /// Accounts (ASP.NET Core Identity on the server's database), cookie sign-in for the dashboard, and the
    /// policies endpoints use. Edges keep their own site-key scheme.
    /// </summary>
    public static IServiceCollection AddOccupancyIdentity(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AdminBootstrap>();
        services.AddOptions<DemoAccountsOptions>().BindConfiguration(DemoAccountsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<DemoAccounts>();

        services.AddIdentity<OccupancyUser, IdentityRole>(options =>
            {
                // Length over composition rules (NIST SP 800-63B): long passphrases, no forced symbols.
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddEntityFrameworkStores<OccupancyDbContext>()
            .AddClaimsPrincipalFactory<OccupancyClaimsFactory>()
            .AddDefaultTokenProviders();

        // A removed host or admin loses access within a minute, not when the cookie expires.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "occupancy.auth";
            options.Cookie.HttpOnly = true;
            // Lax keeps the cookie off cross-site POSTs; the API also only accepts JSON bodies, which a form cannot send.
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromDays(7);
            options.SlidingExpiration = true;
            // The dashboard is a single page that signs in through the API: answer with status codes, never redirects.
            options.Events.OnRedirectToLogin = context => StatusOnly(context.Response, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => StatusOnly(context.Response, StatusCodes.Status403Forbidden);
        });

        // Cookies must survive a restart: keep the data-protection keys in the data directory.
        services.AddDataProtection();
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<ServerOptions>, ILoggerFactory>((options, server, loggers) =>
            {
                var keys = Directory.CreateDirectory(Path.Combine(Path.GetFullPath(server.Value.DataDirectory), "keys"));
                options.XmlRepository = new FileSystemXmlRepository(keys, loggers);
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Staff, policy => policy.RequireAssertion(context => context.User.IsAdmin() || context.User.IsHost()))
            .AddPolicy(Policies.SignedIn, policy => policy.RequireAuthenticatedUser());
        return services;
    }

    /// <summary>Creates the roles, the configured first admin and, for a demo, its host and member.</summary>
    public static async Task InitializeAccountsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().EnsureAsync();
        await scope.ServiceProvider.GetRequiredService<DemoAccounts>().EnsureAsync(app.Lifetime.ApplicationStopping);
    }

    private static Task StatusOnly(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
