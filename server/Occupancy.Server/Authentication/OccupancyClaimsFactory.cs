using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Occupancy.Server.Data;

namespace Occupancy.Server.Authentication;

/// <summary>
/// Adds the spaces a user hosts and their display name to the sign-in cookie. Changing a user's spaces updates
/// their security stamp, so the cookie is rebuilt (or refused) at the next validation.
/// </summary>
public sealed class OccupancyClaimsFactory(
    UserManager<OccupancyUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    OccupancyDbContext db)
    : UserClaimsPrincipalFactory<OccupancyUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(OccupancyUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var spaces = await db.SpaceHosts.AsNoTracking().Where(h => h.UserId == user.Id).Select(h => h.SpaceId).ToListAsync();
        identity.AddClaims(spaces.Order(StringComparer.Ordinal).Select(space => new Claim(OccupancyClaims.HostOf, space)));
        identity.AddClaim(new Claim(OccupancyClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
