using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Occupancy.Server.Apis.Validation;
using Occupancy.Server.Authentication;
using Occupancy.Server.Data;
using Occupancy.Server.Models.Admin;

namespace Occupancy.Server.Apis.Admin;

/// <summary>
/// Passes: which spaces and doors a member may open, when. Hosts manage passes whose spaces they all host
/// (see MemberAccess); a revoked pass stays for the record and cannot be changed.
/// </summary>
public static class PassesApi
{
    public const string Root = "/api/admin/passes";

    public static IEndpointRouteBuilder MapPassesApi(this IEndpointRouteBuilder app)
    {
        var passes = app.MapGroup(Root).WithTags("Passes").RequireAuthorization(Policies.Staff);
        passes.MapGet("/", List);
        passes.MapPost("/", Create);
        passes.MapGet("/{passId:guid}", Get);
        passes.MapPut("/{passId:guid}", Update);
        passes.MapPost("/{passId:guid}/revoke", Revoke);
        passes.MapDelete("/{passId:guid}", Delete);
        return app;
    }

    public static async Task<Ok<PassView[]>> List(Guid? memberId, ClaimsPrincipal user, OccupancyDbContext db) =>
        TypedResults.Ok((await Passes(db).VisibleTo(user).Where(p => memberId == null || p.MemberId == memberId)
            .OrderBy(p => p.Version).ToListAsync()).Select(PassRules.View).ToArray());

    public static async Task<Results<Ok<PassView>, ProblemHttpResult>> Get(Guid passId, ClaimsPrincipal user, OccupancyDbContext db) =>
        await Passes(db).VisibleTo(user).SingleOrDefaultAsync(p => p.Id == passId) is { } pass
            ? TypedResults.Ok(PassRules.View(pass))
            : NotFound(passId);

    public static async Task<Results<Created<PassView>, ValidationProblem, ProblemHttpResult>> Create(
        PassRequest request, ClaimsPrincipal user, OccupancyDbContext db, CancellationToken cancellationToken)
    {
        var pass = new Pass { Id = Guid.NewGuid() };
        var errors = await PassRules.ApplyAsync(request, pass, db, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!user.CanManage(pass))
        {
            return Problems.Forbidden("You do not manage every space this pass names.");
        }

        db.Passes.Add(pass);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"{Root}/{pass.Id}", PassRules.View(pass));
    }

    public static async Task<Results<Ok<PassView>, ValidationProblem, ProblemHttpResult>> Update(
        Guid passId, PassRequest request, ClaimsPrincipal user, OccupancyDbContext db, CancellationToken cancellationToken)
    {
        var pass = await Passes(db, tracking: true).VisibleTo(user).SingleOrDefaultAsync(p => p.Id == passId, cancellationToken);
        if (pass is null)
        {
            return NotFound(passId);
        }

        if (!user.CanManage(pass))
        {
            return Problems.Forbidden("You do not manage every space this pass names.");
        }

        if (pass.RevokedAt is not null)
        {
            return Problems.Conflict("This pass is revoked: issue a new one.");
        }

        if (request.MemberId != pass.MemberId)
        {
            var moved = new RequestErrors();
            moved.Add("memberId", "A pass cannot move to another member.");
            return moved.ToProblem();
        }

        var errors = await PassRules.ApplyAsync(request, pass, db, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!user.CanManage(pass))
        {
            return Problems.Forbidden("You do not manage every space this pass names.");
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PassRules.View(pass));
    }

    public static async Task<Results<Ok<PassView>, ProblemHttpResult>> Revoke(
        Guid passId, ClaimsPrincipal user, OccupancyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var pass = await Passes(db, tracking: true).VisibleTo(user).SingleOrDefaultAsync(p => p.Id == passId, cancellationToken);
        if (pass is null)
        {
            return NotFound(passId);
        }

        if (!user.CanManage(pass))
        {
            return Problems.Forbidden("You do not manage every space this pass names.");
        }

        if (pass.RevokedAt is null)
        {
            pass.RevokedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(PassRules.View(pass));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid passId, ClaimsPrincipal user, OccupancyDbContext db, CancellationToken cancellationToken)
    {
        var pass = await Passes(db, tracking: true).VisibleTo(user).SingleOrDefaultAsync(p => p.Id == passId, cancellationToken);
        if (pass is null)
        {
            return NotFound(passId);
        }

        if (!user.CanManage(pass))
        {
            return Problems.Forbidden("You do not manage every space this pass names.");
        }

        db.Passes.Remove(pass);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static IQueryable<Pass> Passes(OccupancyDbContext db, bool tracking = false) =>
        (tracking ? db.Passes : db.Passes.AsNoTracking()).Include(p => p.Spaces).Include(p => p.Doors).AsSplitQuery();

    private static ProblemHttpResult NotFound(Guid passId) => Problems.NotFound($"There is no pass '{passId}' you can see.");
}
