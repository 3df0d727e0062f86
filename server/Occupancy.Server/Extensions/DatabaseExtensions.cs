using Occupancy.Server.Data;

namespace Occupancy.Server.Extensions;

public static class DatabaseExtensions
{
    /// <summary>Creates and seeds the database and loads the layout into live occupancy, before the server takes requests.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
    }
}
