using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Occupancy.Server.Apis.Validation;
using Occupancy.Server.Authentication;
using Occupancy.Server.Data;
using Occupancy.Server.Live;
using Occupancy.Server.Models.Admin;

namespace Occupancy.Server.Apis.Admin;

/// <summary>
/// Spaces as hosts and admins manage them: name, IANA time zone, opening hours. Admins create and delete spaces;
/// hosts read and change the spaces they host. The routes under /{spaceId} share <see cref="ManagesSpaceFilter"/>.
/// </summary>
public static class AdminSpacesApi
{
    public const string Root = "/api/admin/spaces";

    public static IEndpointRouteBuilder MapAdminSpacesApi(this IEndpointRouteBuilder app)
    {
        var spaces = app.MapGroup(Root).WithTags("Spaces").RequireAuthorization(Policies.Staff);
        spaces.MapGet("/", List);
        spaces.MapPost("/", Create).RequireAuthorization(Policies.Admin);

        var space = SpaceGroup(app, "").WithTags("Spaces");
        space.MapGet("/", Get);
        space.MapPut("/", Update);
        space.MapDelete("/", Delete).RequireAuthorization(Policies.Admin);
        return app;
    }

    /// <summary>A group under /api/admin/spaces/{spaceId}: staff only, and only for a space they manage.</summary>
    public static RouteGroupBuilder SpaceGroup(IEndpointRouteBuilder app, string path) =>
        app.MapGroup($"{Root}/{{spaceId}}{path}").RequireAuthorization(Policies.Staff).AddEndpointFilter<ManagesSpaceFilter>();

    public static async Task<Ok<SpaceSettings[]>> List(ClaimsPrincipal user, OccupancyDbContext db, EdgeConnections edges)
    {
        var hosted = user.HostedSpaces();
        var query = user.IsAdmin() ? db.Spaces : db.Spaces.Where(s => hosted.Contains(s.Id));
        var spaces = await query.AsNoTracking().Include(s => s.OpeningHours).OrderBy(s => s.Name).ToListAsync();
        var views = new List<SpaceSettings>();
        foreach (var space in spaces)
        {
            views.Add(await ViewAsync(space, db, edges));
        }

        return TypedResults.Ok(views.ToArray());
    }

    public static async Task<Results<Ok<SpaceSettings>, ProblemHttpResult>> Get(string spaceId, OccupancyDbContext db, EdgeConnections edges) =>
        await FindAsync(db, spaceId, tracking: false) is { } space
            ? TypedResults.Ok(await ViewAsync(space, db, edges))
            : Problems.NotFound($"There is no space '{spaceId}'.");

    public static async Task<Results<Created<SpaceSettings>, ValidationProblem, ProblemHttpResult>> Create(
        SpaceRequest request, OccupancyDbContext db, LayoutChanges layout, EdgeConnections edges, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        errors.RequireId("id", request.Id);
        var hours = Validate(request, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (await db.Spaces.AnyAsync(s => s.Id == request.Id, cancellationToken))
        {
            return Problems.Conflict($"There is already a space '{request.Id}'.");
        }

        var space = new Space { Id = request.Id!, Name = request.Name!.Trim(), TimeZone = request.TimeZone!, OpeningHours = hours };
        db.Spaces.Add(space);
        await db.SaveChangesAsync(cancellationToken);
        await layout.PublishAsync(db, space.Id, cancellationToken);
        return TypedResults.Created($"{Root}/{space.Id}", await ViewAsync(space, db, edges));
    }

    public static async Task<Results<Ok<SpaceSettings>, ValidationProblem, ProblemHttpResult>> Update(
        string spaceId, SpaceRequest request, OccupancyDbContext db, LayoutChanges layout, EdgeConnections edges, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (request.Id is not null && request.Id != spaceId)
        {
            errors.Add("id", "A space's id cannot change.");
        }

        var hours = Validate(request, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var space = await FindAsync(db, spaceId, tracking: true);
        if (space is null)
        {
            return Problems.NotFound($"There is no space '{spaceId}'.");
        }

        space.Name = request.Name!.Trim();
        space.TimeZone = request.TimeZone!;
        db.OpeningHours.RemoveRange(space.OpeningHours);
        hours.ForEach(h => h.SpaceId = spaceId);
        space.OpeningHours = hours;
        await db.SaveChangesAsync(cancellationToken);
        await layout.PublishAsync(db, spaceId, cancellationToken);
        return TypedResults.Ok(await ViewAsync((await FindAsync(db, spaceId, tracking: false))!, db, edges));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string spaceId, OccupancyDbContext db, LayoutChanges layout, CancellationToken cancellationToken)
    {
        var space = await db.Spaces.SingleOrDefaultAsync(s => s.Id == spaceId, cancellationToken);
        if (space is null)
        {
            return Problems.NotFound($"There is no space '{spaceId}'.");
        }

        if (await db.Members.AnyAsync(m => m.HomeSpaceId == spaceId, cancellationToken))
        {
            return Problems.Conflict($"Space '{spaceId}' is the home space of members: move or delete them first.");
        }

        // Desks name their zone with a restricting key: remove desks before the cascade reaches zones.
        await db.Desks.Where(d => d.SpaceId == spaceId).ExecuteDeleteAsync(cancellationToken);
        db.Spaces.Remove(space);
        await db.SaveChangesAsync(cancellationToken);
        await layout.PublishAsync(db, spaceId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static List<OpeningHours> Validate(SpaceRequest request, RequestErrors errors)
    {
        errors.RequireText("name", request.Name);
        if (!LocalTimes.IsIanaTimeZone(request.TimeZone))
        {
            errors.Add("timeZone", "Must be an IANA time zone id such as 'Europe/Berlin'.");
        }

        var hours = new List<OpeningHours>();
        foreach (var (entry, index) in (request.OpeningHours ?? []).Select((h, i) => (h, i)))
        {
            var field = $"openingHours[{index}]";
            var ok = LocalTimes.TryParseDay(entry?.Day, out var day);
            if (!ok)
            {
                errors.Add($"{field}.day", "Must be a weekday in lower case: monday … sunday.");
            }
            else if (hours.Any(h => h.Day == day))
            {
                errors.Add($"{field}.day", $"{LocalTimes.DayName(day)} appears twice.");
            }

            if (!LocalTimes.TryParseTime(entry?.Opens, out var opens))
            {
                errors.Add($"{field}.opens", "Must be a time HH:mm.");
            }

            if (!LocalTimes.TryParseTime(entry?.Closes, out var closes))
            {
                errors.Add($"{field}.closes", "Must be a time HH:mm.");
            }
            else if (closes <= opens)
            {
                errors.Add($"{field}.closes", "Must be later than opens (a space open past midnight closes at 23:59).");
            }

            hours.Add(new OpeningHours { SpaceId = request.Id ?? "", Day = day, Opens = opens, Closes = closes });
        }

        return hours;
    }

    private static Task<Space?> FindAsync(OccupancyDbContext db, string spaceId, bool tracking) =>
        (tracking ? db.Spaces : db.Spaces.AsNoTracking()).Include(s => s.OpeningHours).SingleOrDefaultAsync(s => s.Id == spaceId);

    private static async Task<SpaceSettings> ViewAsync(Space space, OccupancyDbContext db, EdgeConnections edges)
    {
        var hours = space.OpeningHours.OrderBy(h => ((int)h.Day + 6) % 7)
            .Select(h => new OpeningHoursDto(LocalTimes.DayName(h.Day), LocalTimes.Format(h.Opens), LocalTimes.Format(h.Closes)))
            .ToArray();
        var version = await db.Spaces.Where(s => s.Id == space.Id).Select(s => s.ConfigVersion).SingleAsync();
        return new SpaceSettings(
            space.Id,
            space.Name,
            space.TimeZone,
            hours,
            version,
            edges.StatusOf(space.Id).Online,
            await db.Floors.CountAsync(f => f.SpaceId == space.Id),
            await db.Desks.CountAsync(d => d.SpaceId == space.Id),
            await db.Doors.CountAsync(d => d.SpaceId == space.Id));
    }
}
