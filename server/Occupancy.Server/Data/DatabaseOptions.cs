namespace Occupancy.Server.Data;

/// <summary>
/// Configuration section "Database". The connection string is ConnectionStrings:Occupancy; without one the
/// server uses SQLite in its data directory.
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>
    /// <see cref="DatabaseProviders.Sqlite"/> or <see cref="DatabaseProviders.PostgreSql"/>; empty to infer it from
    /// the connection string ("Data Source=…" is SQLite, "Host=…" is PostgreSQL).
    /// </summary>
    public string? Provider { get; set; }
}
