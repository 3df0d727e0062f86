using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Occupancy.Edge.Occupancy;

namespace Occupancy.Edge.Operations;

/// <summary><c>GET /occupancy</c> on the operations endpoint: the site's desks now, in total, per floor and per zone.</summary>
public static class OccupancyApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapOccupancyApi(this IEndpointRouteBuilder app, SiteOccupancy occupancy)
    {
        app.MapGroup("/occupancy").MapGet("/", () => occupancy.Counts() is { } counts
            ? Results.Json(counts, Json)
            : Results.Problem(
                title: "No site layout yet",
                detail: "The edge has not received its site's configuration from the server, so it knows no desks.",
                statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }
}
