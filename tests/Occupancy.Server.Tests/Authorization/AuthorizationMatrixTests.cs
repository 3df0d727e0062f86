namespace Occupancy.Server.Tests.Authorization;

/// <summary>
/// Each role (anonymous, member, host of space A, host of space B, admin) against each endpoint
/// (<see cref="EndpointMatrix"/>) and each dashboard hub group, on one server (SQLite). The PostgreSQL tests
/// run the same <see cref="AuthorizationMatrix"/>.
/// </summary>
public sealed class AuthorizationMatrixTests(AccessWorld world) : AuthorizationMatrix(world), IClassFixture<AccessWorld>;
