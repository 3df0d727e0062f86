using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Occupancy.Firmware.Contract;
using Occupancy.Server.Apis.Validation;
using Occupancy.Server.Authentication;
using Occupancy.Server.Data;
using Occupancy.Server.Live;
using Occupancy.Server.Models.Admin;

namespace Occupancy.Server.Apis.Admin;

/// <summary>
/// Provisioning: a device gets a secret, shown once in the answer that issues it (the server keeps a salted hash).
/// Issuing again replaces the secret; the old one stops working.
/// </summary>
public static class DevicesApi
{
    public static IEndpointRouteBuilder MapDevicesApi(this IEndpointRouteBuilder app)
    {
        var devices = AdminSpacesApi.SpaceGroup(app, "/devices").WithTags("Devices");
        devices.MapGet("/", List);
        devices.MapPost("/", Create);
        devices.MapGet("/{deviceId}", Get);
        devices.MapPost("/{deviceId}/secret", IssueSecret);
        devices.MapDelete("/{deviceId}", Delete);
        return app;
    }

    public static async Task<Ok<DeviceSettings[]>> List(string spaceId, OccupancyDbContext db)
    {
        var devices = await db.Devices.AsNoTracking().Where(d => d.SpaceId == spaceId).OrderBy(d => d.Id).ToListAsync();
        var users = await UsersAsync(db, spaceId);
        return TypedResults.Ok(devices.Select(d => View(d, users)).ToArray());
    }

    public static async Task<Results<Ok<DeviceSettings>, ProblemHttpResult>> Get(string spaceId, string deviceId, OccupancyDbContext db) =>
        await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.SpaceId == spaceId && d.Id == deviceId) is { } device
            ? TypedResults.Ok(View(device, await UsersAsync(db, spaceId)))
            : Problems.NotFound($"There is no device '{deviceId}' in space '{spaceId}'.");

    public static async Task<Results<Created<DeviceCredentials>, ValidationProblem, ProblemHttpResult>> Create(
        string spaceId, DeviceRequest request, OccupancyDbContext db, LayoutChanges layout, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        errors.RequireId("id", request.Id);
        if (request.Kind is null || !DeviceKinds.IsKnown(request.Kind))
        {
            errors.Add("kind", $"Must be '{DeviceKinds.Desk}' or '{DeviceKinds.Door}'.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!await db.Spaces.AnyAsync(s => s.Id == spaceId, cancellationToken))
        {
            return Problems.NotFound($"There is no space '{spaceId}'.");
        }

        if (await db.Devices.AnyAsync(d => d.SpaceId == spaceId && d.Id == request.Id, cancellationToken))
        {
            return Problems.Conflict($"Space '{spaceId}' already has a device '{request.Id}': issue it a new secret instead.");
        }

        var device = new Device { Id = request.Id!, SpaceId = spaceId, Kind = request.Kind! };
        db.Devices.Add(device);
        var credentials = Issue(device, clock);
        await db.SaveChangesAsync(cancellationToken);
        await layout.PublishAsync(db, spaceId, cancellationToken);
        return TypedResults.Created($"{AdminSpacesApi.Root}/{spaceId}/devices/{device.Id}", credentials);
    }

    public static async Task<Results<Ok<DeviceCredentials>, ProblemHttpResult>> IssueSecret(
        string spaceId, string deviceId, OccupancyDbContext db, LayoutChanges layout, TimeProvider clock, CancellationToken cancellationToken)
    {
        var device = await db.Devices.SingleOrDefaultAsync(d => d.SpaceId == spaceId && d.Id == deviceId, cancellationToken);
        if (device is null)
        {
            return Problems.NotFound($"There is no device '{deviceId}' in space '{spaceId}'.");
        }

        var credentials = Issue(device, clock);
        await db.SaveChangesAsync(cancellationToken);
        await layout.PublishAsync(db, spaceId, cancellationToken);
        return TypedResults.Ok(credentials);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string spaceId, string deviceId, OccupancyDbContext db, LayoutChanges layout, CancellationToken cancellationToken)
    {
        var device = await db.Devices.SingleOrDefaultAsync(d => d.SpaceId == spaceId && d.Id == deviceId, cancellationToken);
        if (device is null)
        {
            return Problems.NotFound($"There is no device '{deviceId}' in space '{spaceId}'.");
        }

        db.Devices.Remove(device);
        await db.SaveChangesAsync(cancellationToken);
        await layout.PublishAsync(db, spaceId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static DeviceCredentials Issue(Device device, TimeProvider clock)
    {
        var secret = DeviceSecret.Generate();
        (device.SecretSalt, device.SecretHash, device.SecretIssuedAt) = (secret.Salt, secret.Hash, clock.GetUtcNow());
        return new DeviceCredentials(device.SpaceId, device.Id, device.Kind, secret.Secret, device.SecretIssuedAt.Value);
    }

    /// <summary>Which desk or door each device serves, by device id.</summary>
    private static async Task<Dictionary<string, string>> UsersAsync(OccupancyDbContext db, string spaceId)
    {
        var desks = await db.Desks.AsNoTracking().Where(d => d.SpaceId == spaceId).Select(d => new { d.DeviceId, Use = "desk " + d.Id }).ToListAsync();
        var doors = await db.Doors.AsNoTracking().Where(d => d.SpaceId == spaceId).Select(d => new { d.DeviceId, Use = "door " + d.Id }).ToListAsync();
        return desks.Concat(doors).GroupBy(x => x.DeviceId).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(x => x.Use)), StringComparer.Ordinal);
    }

    private static DeviceSettings View(Device d, Dictionary<string, string> users) =>
        new(d.Id, d.Kind, d.SecretHash is not null, d.SecretIssuedAt, users.GetValueOrDefault(d.Id));
}
