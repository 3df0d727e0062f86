using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Occupancy.Server.Apis.Validation;
using Occupancy.Server.Authentication;
using Occupancy.Server.Data;
using Occupancy.Server.Models;

namespace Occupancy.Server.Apis;

/// <summary>Accounts and roles (admin, host of which spaces). Admins only.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/users").WithTags("Accounts").RequireAuthorization(Policies.Admin);
        api.MapGet("/", List);
        api.MapGet("/{userId}", Get);
        api.MapPost("/", Create);
        api.MapPut("/{userId}", Update);
        api.MapDelete("/{userId}", Delete);
        return app;
    }

    public static async Task<Ok<UserView[]>> List(OccupancyDbContext db, UserManager<OccupancyUser> users)
    {
        var all = await db.Users.AsNoTracking().Include(u => u.HostOf).OrderBy(u => u.Email).ToListAsync();
        var admins = (await users.GetUsersInRoleAsync(Roles.Admin)).Select(u => u.Id).ToHashSet();
        var members = (await users.GetUsersInRoleAsync(Roles.Member)).Select(u => u.Id).ToHashSet();
        return TypedResults.Ok(all.Select(u => View(u, admins.Contains(u.Id), members.Contains(u.Id))).ToArray());
    }

    public static async Task<Results<Ok<UserView>, NotFound>> Get(string userId, OccupancyDbContext db, UserManager<OccupancyUser> users) =>
        await FindAsync(userId, db) is { } user ? TypedResults.Ok(await ViewAsync(user, users, db)) : TypedResults.NotFound();

    public static async Task<Results<Created<UserView>, ValidationProblem>> Create(
        UserRequest request, OccupancyDbContext db, UserManager<OccupancyUser> users)
    {
        var errors = await ValidateAsync(request, db, requirePassword: true);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var user = new OccupancyUser { Email = request.Email!.Trim(), UserName = request.Email.Trim(), EmailConfirmed = true, DisplayName = request.DisplayName!.Trim() };
        if (await users.CreateAsync(user, request.Password!) is { Succeeded: false } failed)
        {
            return IdentityProblem(failed);
        }

        await ApplyRolesAsync(user, request, db, users);
        return TypedResults.Created($"/api/admin/users/{user.Id}", await ViewAsync(user, users, db));
    }

    public static async Task<Results<Ok<UserView>, NotFound, ValidationProblem>> Update(
        string userId, UserRequest request, ClaimsPrincipal me, OccupancyDbContext db, UserManager<OccupancyUser> users)
    {
        var user = await FindAsync(userId, db, tracking: true);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        var errors = await ValidateAsync(request, db, requirePassword: false, userId);
        if (!request.Admin && userId == users.GetUserId(me))
        {
            errors.Add("admin", "You cannot take away your own admin role.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        user.Email = user.UserName = request.Email!.Trim();
        user.DisplayName = request.DisplayName!.Trim();
        if (await users.UpdateAsync(user) is { Succeeded: false } failed)
        {
            return IdentityProblem(failed);
        }

        if (!string.IsNullOrEmpty(request.Password))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            if (await users.ResetPasswordAsync(user, token, request.Password) is { Succeeded: false } weak)
            {
                return IdentityProblem(weak);
            }
        }

        await ApplyRolesAsync(user, request, db, users);
        return TypedResults.Ok(await ViewAsync(user, users, db));
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem>> Delete(
        string userId, ClaimsPrincipal me, OccupancyDbContext db, UserManager<OccupancyUser> users)
    {
        if (userId == users.GetUserId(me))
        {
            var errors = new RequestErrors();
            errors.Add("userId", "You cannot delete your own account.");
            return errors.ToProblem();
        }

        var user = await FindAsync(userId, db, tracking: true);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        await users.DeleteAsync(user);
        return TypedResults.NoContent();
    }

    private static async Task<RequestErrors> ValidateAsync(UserRequest request, OccupancyDbContext db, bool requirePassword, string? userId = null)
    {
        var errors = new RequestErrors();
        errors.RequireText("email", request.Email, 256);
        if (!string.IsNullOrWhiteSpace(request.Email) && !request.Email.Contains('@'))
        {
            errors.Add("email", "Must be an email address.");
        }
        else if (!string.IsNullOrWhiteSpace(request.Email)
                 && await db.Users.AnyAsync(u => u.NormalizedEmail == request.Email.Trim().ToUpperInvariant() && u.Id != userId))
        {
            errors.Add("email", "Another account has this email.");
        }

        errors.RequireText("displayName", request.DisplayName);
        if (requirePassword && string.IsNullOrEmpty(request.Password))
        {
            errors.Add("password", "Is required.");
        }

        var hostOf = request.HostOf ?? [];
        var known = await db.Spaces.Where(s => hostOf.Contains(s.Id)).Select(s => s.Id).ToListAsync();
        foreach (var (space, index) in hostOf.Select((s, i) => (s, i)).Where(x => !known.Contains(x.s)))
        {
            errors.Add($"hostOf[{index}]", $"There is no space '{space}'.");
        }

        return errors;
    }

    private static async Task ApplyRolesAsync(OccupancyUser user, UserRequest request, OccupancyDbContext db, UserManager<OccupancyUser> users)
    {
        var isAdmin = await users.IsInRoleAsync(user, Roles.Admin);
        if (request.Admin && !isAdmin)
        {
            await users.AddToRoleAsync(user, Roles.Admin);
        }
        else if (!request.Admin && isAdmin)
        {
            await users.RemoveFromRoleAsync(user, Roles.Admin);
        }

        var wanted = (request.HostOf ?? []).ToHashSet(StringComparer.Ordinal);
        var current = await db.SpaceHosts.Where(h => h.UserId == user.Id).ToListAsync();
        var removed = current.Where(h => !wanted.Contains(h.SpaceId)).ToList();
        var added = wanted.Where(s => current.All(h => h.SpaceId != s)).Select(s => new SpaceHost { UserId = user.Id, SpaceId = s }).ToList();
        db.SpaceHosts.RemoveRange(removed);
        db.SpaceHosts.AddRange(added);
        await db.SaveChangesAsync();

        // Cookies carry roles and hosted spaces: a new stamp makes the next validation (within a minute) rebuild
        // them, or sign out a user who lost access. Only when something changed, so a no-op edit keeps sessions.
        if (request.Admin != isAdmin || removed.Count > 0 || added.Count > 0)
        {
            await users.UpdateSecurityStampAsync(user);
        }
    }

    private static Task<OccupancyUser?> FindAsync(string userId, OccupancyDbContext db, bool tracking = false) =>
        (tracking ? db.Users : db.Users.AsNoTracking()).Include(u => u.HostOf).SingleOrDefaultAsync(u => u.Id == userId);

    private static async Task<UserView> ViewAsync(OccupancyUser user, UserManager<OccupancyUser> users, OccupancyDbContext db)
    {
        user.HostOf = await db.SpaceHosts.AsNoTracking().Where(h => h.UserId == user.Id).ToListAsync();
        return View(user, await users.IsInRoleAsync(user, Roles.Admin), await users.IsInRoleAsync(user, Roles.Member));
    }

    private static UserView View(OccupancyUser user, bool admin, bool member) =>
        new(user.Id, user.Email ?? "", user.DisplayName, admin, member, user.HostOf.Select(h => h.SpaceId).Order(StringComparer.Ordinal).ToArray());

    private static ValidationProblem IdentityProblem(IdentityResult result)
    {
        var errors = new RequestErrors();
        foreach (var error in result.Errors)
        {
            errors.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email", error.Description);
        }

        return errors.ToProblem();
    }
}
