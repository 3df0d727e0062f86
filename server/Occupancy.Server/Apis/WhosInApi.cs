using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Occupancy.Server.Apis.Validation;
using Occupancy.Server.Authentication;
using Occupancy.Server.Data;
using Occupancy.Server.Models.Me;

namespace Occupancy.Server.Apis;

/// <summary>
/// "Who's in": members who chose to be shown (off by default, withdrawable at any time) and who are in a space
/// today, listed by name and headline to the other members of that space. "In today" is the member's own
/// check-in ("I'm here today") for the space's local date. Only members of a space (home space or a pass naming
/// it) see its list, and nothing but name and headline is shown — never when someone came or which door.
/// </summary>
public static class WhosInApi
{
    public static IEndpointRouteBuilder MapWhosInApi(this IEndpointRouteBuilder app)
    {
        var space = app.MapGroup("/api/spaces/{spaceId}").WithTags("Who's in").RequireAuthorization(Policies.SignedIn);
        space.MapGet("/whos-in", List);
        space.MapPut("/check-in", CheckIn);
        space.MapDelete("/check-in", CheckOut);
        return app;
    }

    public static async Task<Results<Ok<WhosInView>, ProblemHttpResult>> List(
        string spaceId, ClaimsPrincipal user, OccupancyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (member, space, problem) = await MemberOfAsync(spaceId, user, db, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var today = SpaceDays.Today(space!, clock);
        var inToday = db.CheckIns.Where(c => c.SpaceId == spaceId && c.Day == today);
        var shown = await db.Members.AsNoTracking()
            .Where(m => m.ShowInWhosIn && m.ErasedAt == null && inToday.Any(c => c.MemberId == m.Id))
            .Select(m => new WhosInEntry(m.Name, m.Headline))
            .ToListAsync(cancellationToken);
        var youAreIn = await inToday.AnyAsync(c => c.MemberId == member!.Id, cancellationToken);
        return TypedResults.Ok(new WhosInView(spaceId, LocalTimes.Format(today), youAreIn,
            [.. shown.OrderBy(m => m.Name, StringComparer.CurrentCulture)]));
    }

    public static async Task<Results<Ok<WhosInView>, ProblemHttpResult>> CheckIn(
        string spaceId, ClaimsPrincipal user, OccupancyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (member, space, problem) = await MemberOfAsync(spaceId, user, db, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var today = SpaceDays.Today(space!, clock);
        if (!await db.CheckIns.AnyAsync(c => c.MemberId == member!.Id && c.SpaceId == spaceId && c.Day == today, cancellationToken))
        {
            db.CheckIns.Add(new CheckIn { MemberId = member!.Id, SpaceId = spaceId, Day = today, At = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }

        return await List(spaceId, user, db, clock, cancellationToken);
    }

    public static async Task<Results<Ok<WhosInView>, ProblemHttpResult>> CheckOut(
        string spaceId, ClaimsPrincipal user, OccupancyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (member, space, problem) = await MemberOfAsync(spaceId, user, db, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var today = SpaceDays.Today(space!, clock);
        await db.CheckIns.Where(c => c.MemberId == member!.Id && c.SpaceId == spaceId && c.Day == today).ExecuteDeleteAsync(cancellationToken);
        return await List(spaceId, user, db, clock, cancellationToken);
    }

    private static async Task<(Member?, Space?, ProblemHttpResult?)> MemberOfAsync(
        string spaceId, ClaimsPrincipal user, OccupancyDbContext db, CancellationToken cancellationToken)
    {
        var member = await CurrentMember.FindAsync(user, db, cancellationToken);
        if (member is null)
        {
            return (null, null, CurrentMember.NotAMember());
        }

        var space = await db.Spaces.AsNoTracking().SingleOrDefaultAsync(s => s.Id == spaceId, cancellationToken);
        if (space is null || !(await CurrentMember.SpacesOfAsync(member, db, cancellationToken)).Contains(spaceId))
        {
            // The same answer for "no such space" and "not yours": who's in of other spaces is not even confirmed to exist.
            return (member, null, Problems.NotFound($"You are not a member of a space '{spaceId}'."));
        }

        return (member, space, null);
    }
}
