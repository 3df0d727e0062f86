using Occupancy.Server.Authentication;

namespace Occupancy.Server.Apis;

/// <summary>
/// Guards every endpoint under /api/admin/spaces/{spaceId}: admins pass, hosts pass for the spaces they host,
/// anyone else gets 403 — before the handler can tell whether the space exists.
/// </summary>
public sealed class ManagesSpaceFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var spaceId = context.HttpContext.GetRouteValue("spaceId") as string ?? "";
        if (!context.HttpContext.User.CanManage(spaceId))
        {
            return Problems.Forbidden($"You do not manage space '{spaceId}'.");
        }

        return await next(context);
    }
}
