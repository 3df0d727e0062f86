using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Occupancy.Server.Apis.Validation;
using Occupancy.Server.Data;
using Occupancy.Server.Live;
using Occupancy.Server.Models.Admin;

namespace Occupancy.Server.Apis.Admin;

/// <summary>Desks of a space: placed on a floor's plan, in a zone, reported by one sensor.</summary>
public static class DesksApi
{
    public static IEndpointRouteBuilder MapDesksApi(this IEndpointRouteBuilder app)
    {
        var desks = AdminSpacesApi.SpaceGroup(app, "/desks").WithTags("Desks");
        desks.MapGet("/", List);
        desks.MapPost("/", Create);
        desks.MapGet("/{deskId}", Get);
        desks.MapPut("/{deskId}", Update);
        desks.MapDelete("/{deskId}", Delete);
        return app;
    }

    public static async Task<Ok<DeskSettings[]>> List(string spaceId, string? floorId, OccupancyDbContext db)
    {
        var desks = await db.Desks.AsNoTracking()
            .Where(d => d.SpaceId == spaceId && (floorId == null || d.FloorId == floorId))
            .OrderBy(d => d.Id)
            .ToListAsync();
        return TypedResults.Ok(desks.Select(View).ToArray());
    }

    public static async Task<Results<Ok<DeskSettings>, ProblemHttpResult>> Get(string spaceId, string deskId, OccupancyDbContext db) =>
        await db.Desks.AsNoTracking().SingleOrDefaultAsync(d => d.SpaceId == spaceId && d.Id == deskId) is { } desk
            ? TypedResults.Ok(View(desk))
            : Problems.NotFound($"There is no desk '{deskId}' in space '{spaceId}'.");

    public static async Task<Results<Created<DeskSettings>, ValidationProblem, ProblemHttpResult>> Create(
        string spaceId, DeskRequest request, OccupancyDbContext db, LayoutChanges layout, CancellationToken cancellationToken)
    {
        if (!await db.Spaces.AnyAsync(s => s.Id == spaceId, cancellationToken))
        {
            return Problems.NotFound($"There is no space '{spaceId}'.");
        }

        var errors = new RequestErrors();
        errors.RequireId("id", request.Id);
        await ValidateAsync(spaceId, null, request, db, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (await db.Desks.AnyAsync(d => d.SpaceId == spaceId && d.Id == request.Id, cancellationToken))
        {
            return Problems.Conflict($"Space '{spaceId}' already has a desk '{request.Id}'.");
        }

        var desk = new Desk
        {
            Id = request.Id!,
            SpaceId = spaceId,
            FloorId = request.FloorId!,
            Label = request.Label!.Trim(),
            Zone = request.Zone!,
            DeviceId = request.DeviceId!,
        };
        Apply(desk, request);
        db.Desks.Add(desk);
        await db.SaveChangesAsync(cancellationToken);
        await layout.PublishAsync(db, spaceId, cancellationToken);
        return TypedResults.Created($"{AdminSpacesApi.Root}/{spaceId}/desks/{desk.Id}", View(desk));
    }

    public static async Task<Results<Ok<DeskSettings>, ValidationProblem, ProblemHttpResult>> Update(
        string spaceId, string deskId, DeskRequest request, OccupancyDbContext db, LayoutChanges layout, CancellationToken cancellationToken)
    {
        var desk = await db.Desks.SingleOrDefaultAsync(d => d.SpaceId == spaceId && d.Id == deskId, cancellationToken);
        if (desk is null)
        {
            return Problems.NotFound($"There is no desk '{deskId}' in space '{spaceId}'.");
        }

        var errors = new RequestErrors();
        if (request.Id is not null && request.Id != deskId)
        {
            errors.Add("id", "A desk's id cannot change: its history is recorded under it.");
        }

        await ValidateAsync(spaceId, deskId, request, db, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        Apply(desk, request);
        await db.SaveChangesAsync(cancellationToken);
        await layout.PublishAsync(db, spaceId, cancellationToken);
        return TypedResults.Ok(View(desk));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string spaceId, string deskId, OccupancyDbContext db, LayoutChanges layout, CancellationToken cancellationToken)
    {
        var desk = await db.Desks.SingleOrDefaultAsync(d => d.SpaceId == spaceId && d.Id == deskId, cancellationToken);
        if (desk is null)
        {
            return Problems.NotFound($"There is no desk '{deskId}' in space '{spaceId}'.");
        }

        db.Desks.Remove(desk);
        await db.SaveChangesAsync(cancellationToken);
        await layout.PublishAsync(db, spaceId, cancellationToken);
        return TypedResults.NoContent();
    }

    public static DeskSettings View(Desk d) => new(d.Id, d.FloorId, d.Label, d.X, d.Y, d.Width, d.Height, d.Shape, d.Zone, d.DeviceId);

    private static void Apply(Desk desk, DeskRequest request)
    {
        desk.FloorId = request.FloorId!;
        desk.Label = request.Label!.Trim();
        (desk.X, desk.Y, desk.Width, desk.Height) = (request.X, request.Y, request.Width, request.Height);
        desk.Shape = request.Shape ?? DeskShapes.Rectangle;
        desk.Zone = request.Zone!;
        desk.DeviceId = request.DeviceId!;
    }

    private static async Task ValidateAsync(
        string spaceId, string? deskId, DeskRequest request, OccupancyDbContext db, RequestErrors errors, CancellationToken cancellationToken)
    {
        errors.RequireText("label", request.Label, 32);
        errors.RequireId("deviceId", request.DeviceId);
        if (request.Shape is not null && !DeskShapes.IsValid(request.Shape))
        {
            errors.Add("shape", $"Must be '{DeskShapes.Rectangle}' or '{DeskShapes.Round}'.");
        }

        var floor = await db.Floors.AsNoTracking().SingleOrDefaultAsync(f => f.SpaceId == spaceId && f.Id == request.FloorId, cancellationToken);
        if (floor is null)
        {
            errors.Add("floorId", $"Space '{spaceId}' has no floor '{request.FloorId}'.");
        }
        else
        {
            errors.RequireRange("width", request.Width, 1, floor.Width);
            errors.RequireRange("height", request.Height, 1, floor.Height);
            errors.RequireRange("x", request.X, 0, Math.Max(0, floor.Width - request.Width));
            errors.RequireRange("y", request.Y, 0, Math.Max(0, floor.Height - request.Height));
        }

        if (!await db.Zones.AnyAsync(z => z.SpaceId == spaceId && z.Id == request.Zone, cancellationToken))
        {
            errors.Add("zone", $"Space '{spaceId}' has no zone '{request.Zone}'.");
        }

        var other = await db.Desks.Where(d => d.SpaceId == spaceId && d.DeviceId == request.DeviceId && d.Id != deskId)
            .Select(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        if (other is not null)
        {
            errors.Add("deviceId", $"Sensor '{request.DeviceId}' already reports desk '{other}'.");
        }
    }
}
