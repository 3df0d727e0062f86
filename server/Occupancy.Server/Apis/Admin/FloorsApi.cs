using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Occupancy.Server.Apis.Validation;
using Occupancy.Server.Data;
using Occupancy.Server.Live;
using Occupancy.Server.Models.Admin;

namespace Occupancy.Server.Apis.Admin;

/// <summary>Floors of a space and their plans (size in plan units; desks and doors are placed in the same units).</summary>
public static class FloorsApi
{
    /// <summary>Plans are drawn in plan units; anything larger than this is a typo, not a building.</summary>
    public const double MaxPlanSize = 100_000;

    public static IEndpointRouteBuilder MapFloorsApi(this IEndpointRouteBuilder app)
    {
        var floors = AdminSpacesApi.SpaceGroup(app, "/floors").WithTags("Floors");
        floors.MapGet("/", List);
        floors.MapPost("/", Create);
        floors.MapGet("/{floorId}", Get);
        floors.MapPut("/{floorId}", Update);
        floors.MapDelete("/{floorId}", Delete);
        return app;
    }

    public static async Task<Ok<FloorSettings[]>> List(string spaceId, OccupancyDbContext db)
    {
        var floors = await db.Floors.AsNoTracking().Where(f => f.SpaceId == spaceId).OrderBy(f => f.Id).ToListAsync();
        var views = new List<FloorSettings>();
        foreach (var floor in floors)
        {
            views.Add(await ViewAsync(floor, db));
        }

        return TypedResults.Ok(views.ToArray());
    }

    public static async Task<Results<Ok<FloorSettings>, ProblemHttpResult>> Get(string spaceId, string floorId, OccupancyDbContext db) =>
        await db.Floors.AsNoTracking().SingleOrDefaultAsync(f => f.SpaceId == spaceId && f.Id == floorId) is { } floor
            ? TypedResults.Ok(await ViewAsync(floor, db))
            : Problems.NotFound($"There is no floor '{floorId}' in space '{spaceId}'.");

    public static async Task<Results<Created<FloorSettings>, ValidationProblem, ProblemHttpResult>> Create(
        string spaceId, FloorRequest request, OccupancyDbContext db, LayoutChanges layout, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        errors.RequireId("id", request.Id);
        Validate(request, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!await db.Spaces.AnyAsync(s => s.Id == spaceId, cancellationToken))
        {
            return Problems.NotFound($"There is no space '{spaceId}'.");
        }

        if (await db.Floors.AnyAsync(f => f.SpaceId == spaceId && f.Id == request.Id, cancellationToken))
        {
            return Problems.Conflict($"Space '{spaceId}' already has a floor '{request.Id}'.");
        }

        var floor = new Floor { Id = request.Id!, SpaceId = spaceId, Name = request.Name!.Trim(), Width = request.Width, Height = request.Height };
        db.Floors.Add(floor);
        await db.SaveChangesAsync(cancellationToken);
        await layout.PublishAsync(db, spaceId, cancellationToken);
        return TypedResults.Created($"{AdminSpacesApi.Root}/{spaceId}/floors/{floor.Id}", await ViewAsync(floor, db));
    }

    public static async Task<Results<Ok<FloorSettings>, ValidationProblem, ProblemHttpResult>> Update(
        string spaceId, string floorId, FloorRequest request, OccupancyDbContext db, LayoutChanges layout, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (request.Id is not null && request.Id != floorId)
        {
            errors.Add("id", "A floor's id cannot change.");
        }

        Validate(request, errors);
        var floor = await db.Floors.SingleOrDefaultAsync(f => f.SpaceId == spaceId && f.Id == floorId, cancellationToken);
        if (floor is not null)
        {
            // Shrinking a plan must not leave desks outside it.
            var outside = await db.Desks.Where(d => d.SpaceId == spaceId && d.FloorId == floorId
                    && (d.X + d.Width > request.Width || d.Y + d.Height > request.Height))
                .Select(d => d.Id).FirstOrDefaultAsync(cancellationToken);
            if (outside is not null)
            {
                errors.Add("width", $"Desk '{outside}' would be outside the plan: move it first.");
            }
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (floor is null)
        {
            return Problems.NotFound($"There is no floor '{floorId}' in space '{spaceId}'.");
        }

        (floor.Name, floor.Width, floor.Height) = (request.Name!.Trim(), request.Width, request.Height);
        await db.SaveChangesAsync(cancellationToken);
        await layout.PublishAsync(db, spaceId, cancellationToken);
        return TypedResults.Ok(await ViewAsync(floor, db));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string spaceId, string floorId, OccupancyDbContext db, LayoutChanges layout, CancellationToken cancellationToken)
    {
        var floor = await db.Floors.SingleOrDefaultAsync(f => f.SpaceId == spaceId && f.Id == floorId, cancellationToken);
        if (floor is null)
        {
            return Problems.NotFound($"There is no floor '{floorId}' in space '{spaceId}'.");
        }

        db.Floors.Remove(floor);
        await db.SaveChangesAsync(cancellationToken);
        await layout.PublishAsync(db, spaceId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static void Validate(FloorRequest request, RequestErrors errors)
    {
        errors.RequireText("name", request.Name);
        errors.RequireRange("width", request.Width, 1, MaxPlanSize);
        errors.RequireRange("height", request.Height, 1, MaxPlanSize);
    }

    private static async Task<FloorSettings> ViewAsync(Floor floor, OccupancyDbContext db)
    {
        var desks = await db.Desks.AsNoTracking().Where(d => d.SpaceId == floor.SpaceId && d.FloorId == floor.Id).OrderBy(d => d.Id).ToListAsync();
        var doors = await db.Doors.AsNoTracking().Where(d => d.SpaceId == floor.SpaceId && d.FloorId == floor.Id).OrderBy(d => d.Id).ToListAsync();
        return new FloorSettings(floor.Id, floor.Name, floor.Width, floor.Height, desks.Select(DesksApi.View).ToArray(), doors.Select(DoorsApi.View).ToArray());
    }
}
