namespace Occupancy.Server.Tests.Authorization;

/// <summary>The people of the authorisation matrix. Space A is "hq", space B is "pier".</summary>
public enum Role
{
    Anonymous,
    Member,
    HostOfA,
    HostOfB,
    Admin,
}
