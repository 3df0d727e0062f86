using Microsoft.EntityFrameworkCore;
using Occupancy.Server.Access;
using Occupancy.Server.Data;

namespace Occupancy.Server.Extensions;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers both providers' contexts and resolves OccupancyDbContext to the one DatabaseLocation names, when
    /// first used: configuration given by a test host arrives after registration.
    /// </summary>
    public static IServiceCollection AddOccupancyDatabase(this IServiceCollection services)
    {
        services.AddOptions<ServerOptions>().BindConfiguration(ServerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName);
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName);
        services.AddSingleton<DatabaseLocation>();

        services.AddDbContext<SqliteOccupancyDbContext>((sp, options) =>
            options.UseSqlite(sp.GetRequiredService<DatabaseLocation>().ConnectionString).AddInterceptors(sp.GetRequiredService<AccessChangeInterceptor>(), sp.GetRequiredService<AccessTransactionInterceptor>()));
        services.AddDbContext<PostgreSqlOccupancyDbContext>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<DatabaseLocation>().ConnectionString).AddInterceptors(sp.GetRequiredService<AccessChangeInterceptor>(), sp.GetRequiredService<AccessTransactionInterceptor>()));
        services.AddScoped<OccupancyDbContext>(sp => sp.GetRequiredService<DatabaseLocation>().Provider == DatabaseProviders.PostgreSql
            ? sp.GetRequiredService<PostgreSqlOccupancyDbContext>()
            : sp.GetRequiredService<SqliteOccupancyDbContext>());

        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<SiteConfigReader>();
        return services;
    }

    /// <summary>Migrates and seeds the database and loads the layout into live occupancy, before the server takes requests.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
    }
}
