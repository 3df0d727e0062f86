using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Occupancy.Server.Apis.Validation;
using Occupancy.Server.Data;
using Occupancy.Server.Live;
using Occupancy.Server.Models.Admin;

namespace Occupancy.Server.Apis.Admin;

/// <summary>Doors of a space: on a floor, controlled by one reader.</summary>
public static class DoorsApi
{
    public const int MaxUnlockSeconds = 60;

    public static IEndpointRouteBuilder MapDoorsApi(this IEndpointRouteBuilder app)
    {
        var doors = AdminSpacesApi.SpaceGroup(app, "/doors").WithTags("Doors");
        doors.MapGet("/", List);
        doors.MapPost("/", Create);
        doors.MapGet("/{doorId}", Get);
        doors.MapPut("/{doorId}", Update);
        doors.MapDelete("/{doorId}", Delete);
        return app;
    }

    public static async Task<Ok<DoorSettings[]>> List(string spaceId, OccupancyDbContext db) =>
        TypedResults.Ok((await db.Doors.AsNoTracking().Where(d => d.SpaceId == spaceId).OrderBy(d => d.Id).ToListAsync()).Select(View).ToArray());

    public static async Task<Results<Ok<DoorSettings>, ProblemHttpResult>> Get(string spaceId, string doorId, OccupancyDbContext db) =>
        await db.Doors.AsNoTracking().SingleOrDefaultAsync(d => d.SpaceId == spaceId && d.Id == doorId) is { } door
            ? TypedResults.Ok(View(door))
            : Problems.NotFound($"There is no door '{doorId}' in space '{spaceId}'.");

    public static async Task<Results<Created<DoorSettings>, ValidationProblem, ProblemHttpResult>> Create(
        string spaceId, DoorRequest request, OccupancyDbContext db, LayoutChanges layout, CancellationToken cancellationToken)
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

        if (await db.Doors.AnyAsync(d => d.SpaceId == spaceId && d.Id == request.Id, cancellationToken))
        {
            return Problems.Conflict($"Space '{spaceId}' already has a door '{request.Id}'.");
        }

        var door = new Door
        {
            Id = request.Id!,
            SpaceId = spaceId,
            FloorId = request.FloorId!,
            Name = request.Name!.Trim(),
            DeviceId = request.DeviceId!,
            UnlockSeconds = request.UnlockSeconds,
            Mode = request.Mode ?? DoorModes.Normal,
        };
        db.Doors.Add(door);
        await DoorPairs.PairAsync(db, door, request.PairedDoorId, request.Direction, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await layout.PublishAsync(db, spaceId, cancellationToken);
        return TypedResults.Created($"{AdminSpacesApi.Root}/{spaceId}/doors/{door.Id}", View(door));
    }

    public static async Task<Results<Ok<DoorSettings>, ValidationProblem, ProblemHttpResult>> Update(
        string spaceId, string doorId, DoorRequest request, OccupancyDbContext db, LayoutChanges layout, CancellationToken cancellationToken)
    {
        var door = await db.Doors.SingleOrDefaultAsync(d => d.SpaceId == spaceId && d.Id == doorId, cancellationToken);
        if (door is null)
        {
            return Problems.NotFound($"There is no door '{doorId}' in space '{spaceId}'.");
        }

        var errors = new RequestErrors();
        if (request.Id is not null && request.Id != doorId)
        {
            errors.Add("id", "A door's id cannot change: its access log is recorded under it.");
        }

        await ValidateAsync(spaceId, doorId, request, db, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        (door.FloorId, door.Name, door.DeviceId, door.UnlockSeconds) = (request.FloorId!, request.Name!.Trim(), request.DeviceId!, request.UnlockSeconds);
        door.Mode = request.Mode ?? DoorModes.Normal;
        await DoorPairs.PairAsync(db, door, request.PairedDoorId, request.Direction, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await layout.PublishAsync(db, spaceId, cancellationToken);
        return TypedResults.Ok(View(door));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string spaceId, string doorId, OccupancyDbContext db, LayoutChanges layout, CancellationToken cancellationToken)
    {
        var door = await db.Doors.SingleOrDefaultAsync(d => d.SpaceId == spaceId && d.Id == doorId, cancellationToken);
        if (door is null)
        {
            return Problems.NotFound($"There is no door '{doorId}' in space '{spaceId}'.");
        }

        await DoorPairs.PairAsync(db, door, null, null, cancellationToken);
        db.Doors.Remove(door);
        await db.SaveChangesAsync(cancellationToken);
        await layout.PublishAsync(db, spaceId, cancellationToken);
        return TypedResults.NoContent();
    }

    public static DoorSettings View(Door d) => new(d.Id, d.FloorId, d.Name, d.DeviceId, d.UnlockSeconds, d.Mode, d.PairedDoorId, d.Direction);

    private static async Task ValidateAsync(
        string spaceId, string? doorId, DoorRequest request, OccupancyDbContext db, RequestErrors errors, CancellationToken cancellationToken)
    {
        errors.RequireText("name", request.Name);
        errors.RequireId("deviceId", request.DeviceId);
        errors.RequireRange("unlockSeconds", request.UnlockSeconds, 1, MaxUnlockSeconds);
        if (request.Mode is not null && !DoorModes.IsValid(request.Mode))
        {
            errors.Add("mode", $"Must be '{DoorModes.Normal}', '{DoorModes.Lockdown}' or '{DoorModes.Free}'.");
        }

        if (!await db.Floors.AnyAsync(f => f.SpaceId == spaceId && f.Id == request.FloorId, cancellationToken))
        {
            errors.Add("floorId", $"Space '{spaceId}' has no floor '{request.FloorId}'.");
        }

        var other = await db.Doors.Where(d => d.SpaceId == spaceId && d.DeviceId == request.DeviceId && d.Id != doorId)
            .Select(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        if (other is not null)
        {
            errors.Add("deviceId", $"Reader '{request.DeviceId}' already controls door '{other}'.");
        }

        await DoorPairs.ValidateAsync(spaceId, doorId ?? request.Id, request.PairedDoorId, request.Direction, db, errors, cancellationToken);
    }
}
