using System.Security.Claims;

namespace Occupancy.Server.Authentication;

/// <summary>What a signed-in user may manage, read from their principal's roles and host claims.</summary>
public static class SpaceAccess
{
    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    public static IReadOnlySet<string> HostedSpaces(this ClaimsPrincipal user) =>
        user.FindAll(OccupancyClaims.HostOf).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);

    public static bool IsHost(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == OccupancyClaims.HostOf);

    /// <summary>Admins manage every space; hosts the spaces they host.</summary>
    public static bool CanManage(this ClaimsPrincipal user, string spaceId) =>
        user.IsAdmin() || user.HasClaim(OccupancyClaims.HostOf, spaceId);

    public static bool CanManageAll(this ClaimsPrincipal user, IEnumerable<string> spaceIds) =>
        user.IsAdmin() || spaceIds.All(user.CanManage);
}
