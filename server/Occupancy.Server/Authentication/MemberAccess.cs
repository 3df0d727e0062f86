using System.Security.Claims;
using Occupancy.Server.Data;

namespace Occupancy.Server.Authentication;

/// <summary>
/// Which members and passes a user sees and manages. Admins: all. Hosts see the members whose home space they
/// host or who hold a pass naming one of their spaces, and the passes naming one of their spaces; they manage
/// members of their home spaces, and passes whose spaces they all host. Anything a user does not see is a 404.
/// </summary>
public static class MemberAccess
{
    public static IQueryable<Member> VisibleTo(this IQueryable<Member> members, ClaimsPrincipal user)
    {
        if (user.IsAdmin())
        {
            return members;
        }

        var hosted = user.HostedSpaces().ToList();
        return members.Where(m => hosted.Contains(m.HomeSpaceId) || m.Passes.Any(p => p.Spaces.Any(s => hosted.Contains(s.SpaceId))));
    }

    public static IQueryable<Pass> VisibleTo(this IQueryable<Pass> passes, ClaimsPrincipal user)
    {
        if (user.IsAdmin())
        {
            return passes;
        }

        var hosted = user.HostedSpaces().ToList();
        return passes.Where(p => p.Spaces.Any(s => hosted.Contains(s.SpaceId)));
    }

    public static bool CanManage(this ClaimsPrincipal user, Member member) => user.CanManage(member.HomeSpaceId);

    public static bool CanManage(this ClaimsPrincipal user, Pass pass) => user.CanManageAll(pass.Spaces.Select(s => s.SpaceId));
}
