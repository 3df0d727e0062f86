namespace Occupancy.Server.Data;

/// <summary>The database engines the server runs on (values of Database:Provider).</summary>
public static class DatabaseProviders
{
    public const string Sqlite = "sqlite";

    public const string PostgreSql = "postgresql";
}
