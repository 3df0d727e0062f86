using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Occupancy.Server.Apis.Validation;
using Occupancy.Server.Data;
using Occupancy.Server.Live;
using Occupancy.Server.Models.Admin;

namespace Occupancy.Server.Apis.Admin;

/// <summary>Zones of a space: named areas desks belong to (utilisation is also reported per zone).</summary>
public static class ZonesApi
{
    public static IEndpointRouteBuilder MapZonesApi(this IEndpointRouteBuilder app)
    {
        var zones = AdminSpacesApi.SpaceGroup(app, "/zones").WithTags("Zones");
        zones.MapGet("/", List);
        zones.MapPost("/", Create);
        zones.MapPut("/{zoneId}", Update);
        zones.MapDelete("/{zoneId}", Delete);
        return app;
    }

    public static async Task<Ok<ZoneSettings[]>> List(string spaceId, OccupancyDbContext db) =>
        TypedResults.Ok(await db.Zones.AsNoTracking().Where(z => z.SpaceId == spaceId).OrderBy(z => z.Id)
            .Select(z => new ZoneSettings(z.Id, z.Name, db.Desks.Count(d => d.SpaceId == spaceId && d.Zone == z.Id)))
            .ToArrayAsync());

    public static async Task<Results<Created<ZoneSettings>, ValidationProblem, ProblemHttpResult>> Create(
        string spaceId, ZoneRequest request, OccupancyDbContext db, LayoutChanges layout, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        errors.RequireId("id", request.Id);
        errors.RequireText("name", request.Name);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!await db.Spaces.AnyAsync(s => s.Id == spaceId, cancellationToken))
        {
            return Problems.NotFound($"There is no space '{spaceId}'.");
        }

        if (await db.Zones.AnyAsync(z => z.SpaceId == spaceId && z.Id == request.Id, cancellationToken))
        {
            return Problems.Conflict($"Space '{spaceId}' already has a zone '{request.Id}'.");
        }

        db.Zones.Add(new Zone { Id = request.Id!, SpaceId = spaceId, Name = request.Name!.Trim() });
        await db.SaveChangesAsync(cancellationToken);
        await layout.PublishAsync(db, spaceId, cancellationToken);
        return TypedResults.Created($"{AdminSpacesApi.Root}/{spaceId}/zones/{request.Id}", new ZoneSettings(request.Id!, request.Name.Trim(), 0));
    }

    public static async Task<Results<Ok<ZoneSettings>, ValidationProblem, ProblemHttpResult>> Update(
        string spaceId, string zoneId, ZoneRequest request, OccupancyDbContext db, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        errors.RequireText("name", request.Name);
        if (request.Id is not null && request.Id != zoneId)
        {
            errors.Add("id", "A zone's id cannot change.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var zone = await db.Zones.SingleOrDefaultAsync(z => z.SpaceId == spaceId && z.Id == zoneId, cancellationToken);
        if (zone is null)
        {
            return Problems.NotFound($"There is no zone '{zoneId}' in space '{spaceId}'.");
        }

        // A zone's name is for people only: the edge and InfluxDB know zones by id, so no new SiteConfig.
        zone.Name = request.Name!.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ZoneSettings(zone.Id, zone.Name, await db.Desks.CountAsync(d => d.SpaceId == spaceId && d.Zone == zoneId, cancellationToken)));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string spaceId, string zoneId, OccupancyDbContext db, LayoutChanges layout, CancellationToken cancellationToken)
    {
        var zone = await db.Zones.SingleOrDefaultAsync(z => z.SpaceId == spaceId && z.Id == zoneId, cancellationToken);
        if (zone is null)
        {
            return Problems.NotFound($"There is no zone '{zoneId}' in space '{spaceId}'.");
        }

        if (await db.Desks.AnyAsync(d => d.SpaceId == spaceId && d.Zone == zoneId, cancellationToken))
        {
            return Problems.Conflict($"Desks of space '{spaceId}' are in zone '{zoneId}': move them to another zone first.");
        }

        db.Zones.Remove(zone);
        await db.SaveChangesAsync(cancellationToken);
        await layout.PublishAsync(db, spaceId, cancellationToken);
        return TypedResults.NoContent();
    }
}
