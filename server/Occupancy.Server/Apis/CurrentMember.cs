using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Occupancy.Server.Data;

namespace Occupancy.Server.Apis;

/// <summary>The member record behind the signed-in account, and the spaces that member belongs to.</summary>
public static class CurrentMember
{
    public static Task<Member?> FindAsync(ClaimsPrincipal user, OccupancyDbContext db, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is null
            ? Task.FromResult<Member?>(null)
            : db.Members.SingleOrDefaultAsync(m => m.UserId == userId && m.ErasedAt == null, cancellationToken);
    }

    /// <summary>The member's home space and every space a pass of theirs names that is not revoked.</summary>
    public static async Task<string[]> SpacesOfAsync(Member member, OccupancyDbContext db, CancellationToken cancellationToken)
    {
        var passSpaces = await db.Passes.Where(p => p.MemberId == member.Id && p.RevokedAt == null)
            .SelectMany(p => p.Spaces.Select(s => s.SpaceId)).ToListAsync(cancellationToken);
        return [.. passSpaces.Append(member.HomeSpaceId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotAMember() =>
        Problems.NotFound("This account has no member record: passes, codes and who's in are for members.");
}
