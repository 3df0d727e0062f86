using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Occupancy.Server.Access;
using Occupancy.Server.Apis.Admin;
using Occupancy.Server.Apis.Validation;
using Occupancy.Server.Authentication;
using Occupancy.Server.Data;
using Occupancy.Server.Live;
using Occupancy.Server.Models;

namespace Occupancy.Server.Apis;

/// <summary>
/// A space's access control for its hosts: status (lockdown, the edge's replica), lockdown on and off, and the
/// space's access log with member names. A member reads their own entries only, under /api/account.
/// </summary>
public static class AccessApi
{
    public const int MaxEntries = 500;

    public static IEndpointRouteBuilder MapAccessApi(this IEndpointRouteBuilder app)
    {
        var access = AdminSpacesApi.SpaceGroup(app, "/access").WithTags("Access");
        access.MapGet("/", Status);
        access.MapPost("/lockdown", Lockdown);
        access.MapGet("/log", SpaceLog);

        app.MapGroup("/api/account").WithTags("Account").MapGet("/access-log", OwnLog).RequireAuthorization(Policies.SignedIn);
        return app;
    }

    public static async Task<Results<Ok<SpaceAccessStatus>, ProblemHttpResult>> Status(string spaceId, AccessStatusReader statuses, CancellationToken cancellationToken) =>
        await statuses.ReadAsync(spaceId, cancellationToken) is { } status
            ? TypedResults.Ok(status)
            : Problems.NotFound($"There is no space '{spaceId}'.");

    public static async Task<Results<Ok<SpaceAccessStatus>, ValidationProblem, ProblemHttpResult>> Lockdown(
        string spaceId, LockdownRequest request, OccupancyDbContext db, AccessStatusReader statuses, DashboardPublisher dashboards, CancellationToken cancellationToken)
    {
        if (request.Active is null)
        {
            var errors = new RequestErrors();
            errors.Add("active", "Is required: true to lock the space down, false to end it.");
            return errors.ToProblem();
        }

        var space = await db.Spaces.SingleOrDefaultAsync(s => s.Id == spaceId, cancellationToken);
        if (space is null)
        {
            return Problems.NotFound($"There is no space '{spaceId}'.");
        }

        // Saving versions the change and sends the site's edge a new replica (AccessChangeInterceptor).
        space.Lockdown = request.Active.Value;
        await db.SaveChangesAsync(cancellationToken);
        var status = (await statuses.ReadAsync(spaceId, cancellationToken))!;
        await dashboards.AccessStatusChangedAsync(status);
        return TypedResults.Ok(status);
    }

    /// <summary>Newest first; <paramref name="before"/> (an entry id) pages back.</summary>
    public static async Task<Ok<AccessLogView[]>> SpaceLog(string spaceId, long? before, int? limit, OccupancyDbContext db, CancellationToken cancellationToken)
    {
        var entries = await db.AccessLog.AsNoTracking()
            .Where(e => e.SpaceId == spaceId && (before == null || e.Id < before))
            .OrderByDescending(e => e.Id)
            .Take(Math.Clamp(limit ?? 100, 1, MaxEntries))
            .ToListAsync(cancellationToken);
        var names = await AccessLogViews.NamesAsync(db, entries.Select(e => e.MemberId), cancellationToken);
        return TypedResults.Ok(entries.Select(e => AccessLogViews.View(e, names)).ToArray());
    }

    /// <summary>The signed-in member's own entries, every space; empty for an account that is no member.</summary>
    public static async Task<Ok<AccessLogView[]>> OwnLog(ClaimsPrincipal user, long? before, int? limit, OccupancyDbContext db, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var member = await db.Members.AsNoTracking().Where(m => m.UserId != null && m.UserId == userId).Select(m => (Guid?)m.Id).SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return TypedResults.Ok(Array.Empty<AccessLogView>());
        }

        var entries = await db.AccessLog.AsNoTracking()
            .Where(e => e.MemberId == member && (before == null || e.Id < before))
            .OrderByDescending(e => e.Id)
            .Take(Math.Clamp(limit ?? 100, 1, MaxEntries))
            .ToListAsync(cancellationToken);
        var names = await AccessLogViews.NamesAsync(db, [member], cancellationToken);
        return TypedResults.Ok(entries.Select(e => AccessLogViews.View(e, names)).ToArray());
    }
}
