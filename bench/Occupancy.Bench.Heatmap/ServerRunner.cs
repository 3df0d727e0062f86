using Occupancy.Bench.Common;

namespace Occupancy.Bench.Heatmap;

/// <summary>The server's own build output, seeded with the bench network and signed in as its admin.</summary>
internal sealed class ServerRunner : IAsyncDisposable
{
    public const string AdminEmail = "admin@bench.local";
    private const string AdminPassword = "benchmark-admin-password";

    private readonly ServerInstance _server;

    private ServerRunner(ServerInstance server, HttpClient http) => (_server, Http) = (server, http);

    public int ProcessId => _server.ProcessId;

    /// <summary>Sends the admin's cookie once signed in.</summary>
    public HttpClient Http { get; }

    public static async Task<ServerRunner> StartAsync(string networkFile, Uri influx, string database, int backfillDays)
    {
        var server = await ServerInstance.StartAsync(
            new Dictionary<string, string>
            {
                ["Seed:NetworkFile"] = networkFile,
                ["Influx:Url"] = influx.ToString(),
                ["Influx:Database"] = database,
                ["Admin:Email"] = AdminEmail,
                ["Admin:Password"] = AdminPassword,
                // Long enough to measure a slow answer instead of turning it into a 503.
                ["Influx:QueryTimeout"] = "00:10:00",
                // The background roll-up of every seeded day, and its log line with how long it took.
                ["UsageRollup:BackfillDays"] = backfillDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Logging:LogLevel:Occupancy.Server.Utilisation"] = "Information",
            },
            echoOutput: true);
        try
        {
            return new ServerRunner(server, await server.SignedInClientAsync(AdminEmail, AdminPassword, TimeSpan.FromMinutes(5)));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _server.DisposeAsync();
    }
}
