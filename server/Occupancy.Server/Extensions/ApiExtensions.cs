using Occupancy.Server.Apis;
using Occupancy.Server.Apis.Admin;
using Occupancy.Server.Live;

namespace Occupancy.Server.Extensions;

public static class ApiExtensions
{
    /// <summary>The REST API's services: problem details for every error, an OpenAPI document, layout change pushes.</summary>
    public static IServiceCollection AddApis(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // A body that does not bind must reach BadRequestExceptionHandler to get a field-naming problem.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddOpenApi();
        services.AddScoped<LayoutChanges>();
        return services;
    }

    public static IEndpointRouteBuilder MapApis(this IEndpointRouteBuilder app)
    {
        app.MapSpacesApi();
        app.MapAccountApi();
        app.MapUsersApi();
        app.MapAdminSpacesApi();
        app.MapFloorsApi();
        app.MapDesksApi();
        app.MapZonesApi();
        app.MapDoorsApi();
        app.MapDevicesApi();
        app.MapMembersApi();
        app.MapPassesApi();
        app.MapCredentialsApi();
        app.MapErasureApi();
        app.MapMeApi();
        app.MapWhosInApi();
        app.MapUtilisationApi();
        app.MapAccessApi();
        app.MapOpenApi();
        return app;
    }
}
