using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Occupancy.Server.Data;

/// <summary>
/// The SQLite connection string: ConnectionStrings:Occupancy when set, else occupancy.db in the data directory
/// (created on first use).
/// </summary>
public sealed class DatabaseLocation
{
    public const string ConnectionStringName = "Occupancy";
    public const string FileName = "occupancy.db";

    private readonly Lazy<string> _connectionString;

    public DatabaseLocation(IConfiguration configuration, IOptions<ServerOptions> options)
    {
        _connectionString = new Lazy<string>(() => Resolve(configuration, options.Value));
    }

    public string ConnectionString => _connectionString.Value;

    private static string Resolve(IConfiguration configuration, ServerOptions options)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var directory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(directory);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, FileName) }.ToString();
    }
}
