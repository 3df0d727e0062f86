using Microsoft.AspNetCore.Http.HttpResults;
using Occupancy.Server.Live;
using Occupancy.Server.Models;

namespace Occupancy.Server.Apis;

/// <summary>Spaces and floor plans with live desk states. Read-only; anonymous like the dashboard for now.</summary>
public static class SpacesApi
{
    public static IEndpointRouteBuilder MapSpacesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/spaces");
        api.MapGet("/", GetSpaces);
        api.MapGet("/{spaceId}", GetSpace);
        api.MapGet("/{spaceId}/floors/{floorId}", GetFloorPlan);
        return app;
    }

    public static Ok<SpaceSummary[]> GetSpaces(LiveOccupancy live) => TypedResults.Ok(live.GetSpaces());

    public static Results<Ok<SpaceSummary>, ProblemHttpResult> GetSpace(string spaceId, LiveOccupancy live) =>
        live.GetSpace(spaceId) is { } space
            ? TypedResults.Ok(space)
            : NotFound("Space not found", $"There is no space '{spaceId}'.");

    public static Results<Ok<FloorPlan>, ProblemHttpResult> GetFloorPlan(string spaceId, string floorId, LiveOccupancy live) =>
        live.GetFloorPlan(spaceId, floorId) is { } plan
            ? TypedResults.Ok(plan)
            : NotFound("Floor not found", $"There is no floor '{floorId}' in space '{spaceId}'.");

    private static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status404NotFound);
}
