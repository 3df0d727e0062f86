using Occupancy.Server.Authentication;
using Occupancy.Server.Hubs;
using Occupancy.Uplink;

namespace Occupancy.Server.Extensions;

public static class HubExtensions
{
    public static IEndpointRouteBuilder MapHubs(this IEndpointRouteBuilder app)
    {
        // A missing or wrong site key gets 401 at negotiate: the edge sees a clear error and never connects.
        app.MapHub<EdgeHub>(EdgeHubContract.Path).RequireAuthorization(SiteKeyDefaults.EdgePolicy);
        app.MapHub<DashboardHub>(DashboardHub.Path);
        return app;
    }
}
