using Occupancy.Server.Tests;
using Occupancy.Server.Tests.Authorization;

namespace Occupancy.Server.PostgreSql.Tests;

/// <summary>Every endpoint × every role again, on PostgreSQL: the queries behind each answer run on both providers.</summary>
public sealed class PostgreSqlAuthorizationMatrixTests(PostgreSqlAccessWorld world) : AuthorizationMatrix(world), IClassFixture<PostgreSqlAccessWorld>;
