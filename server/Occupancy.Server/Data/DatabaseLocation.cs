using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Occupancy.Server.Data;

/// <summary>
/// Which database the server uses: ConnectionStrings:Occupancy with Database:Provider (or the provider inferred
/// from the connection string), else SQLite in occupancy.db in the data directory (created on first use).
/// Resolved on first use, so tests can set either through configuration.
/// </summary>
public sealed class DatabaseLocation
{
    public const string ConnectionStringName = "Occupancy";
    public const string FileName = "occupancy.db";

    private readonly Lazy<(string Provider, string ConnectionString)> _resolved;

    public DatabaseLocation(IConfiguration configuration, IOptions<ServerOptions> server, IOptions<DatabaseOptions> database)
    {
        _resolved = new(() => Resolve(configuration.GetConnectionString(ConnectionStringName), database.Value.Provider, server.Value));
    }

    /// <summary><see cref="DatabaseProviders.Sqlite"/> or <see cref="DatabaseProviders.PostgreSql"/>.</summary>
    public string Provider => _resolved.Value.Provider;

    public string ConnectionString => _resolved.Value.ConnectionString;

    public static (string Provider, string ConnectionString) Resolve(string? configured, string? provider, ServerOptions server)
    {
        provider = string.IsNullOrWhiteSpace(provider) ? null : provider.Trim().ToLowerInvariant();
        if (provider is not (null or DatabaseProviders.Sqlite or DatabaseProviders.PostgreSql))
        {
            throw new OptionsValidationException(DatabaseOptions.SectionName, typeof(DatabaseOptions),
                [$"Database:Provider is '{provider}'; use '{DatabaseProviders.Sqlite}' or '{DatabaseProviders.PostgreSql}'."]);
        }

        if (string.IsNullOrWhiteSpace(configured))
        {
            if (provider == DatabaseProviders.PostgreSql)
            {
                throw new OptionsValidationException(DatabaseOptions.SectionName, typeof(DatabaseOptions),
                    [$"Database:Provider is '{DatabaseProviders.PostgreSql}' but ConnectionStrings:{ConnectionStringName} is not set."]);
            }

            var directory = Path.GetFullPath(server.DataDirectory);
            Directory.CreateDirectory(directory);
            return (DatabaseProviders.Sqlite, new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, FileName) }.ToString());
        }

        return (provider ?? Infer(configured), configured);
    }

    private static string Infer(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (builder.ContainsKey("Host") || builder.ContainsKey("Server"))
        {
            return DatabaseProviders.PostgreSql;
        }

        if (builder.ContainsKey("Data Source") || builder.ContainsKey("DataSource") || builder.ContainsKey("Filename"))
        {
            return DatabaseProviders.Sqlite;
        }

        throw new OptionsValidationException(DatabaseOptions.SectionName, typeof(DatabaseOptions),
            [$"Cannot tell the database from ConnectionStrings:{ConnectionStringName} (no 'Host' or 'Data Source'): set Database:Provider."]);
    }
}
