using Occupancy.Testing;

namespace Occupancy.Server.PostgreSql.Tests;

/// <summary>The tests that run the server on a real PostgreSQL share one postgres; each uses its own database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
