using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Occupancy.Server.Apis.Validation;
using Occupancy.Server.Authentication;
using Occupancy.Server.Data;
using Occupancy.Server.Models.Admin;

namespace Occupancy.Server.Apis.Admin;

/// <summary>Members of the network, managed by admins and by the hosts of each member's home space (see MemberAccess).</summary>
public static class MembersApi
{
    public const string Root = "/api/admin/members";

    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup(Root).WithTags("Members").RequireAuthorization(Policies.Staff);
        members.MapGet("/", List);
        members.MapPost("/", Create);
        members.MapGet("/{memberId:guid}", Get);
        members.MapPut("/{memberId:guid}", Update);
        members.MapDelete("/{memberId:guid}", Delete);
        return app;
    }

    public static async Task<Ok<MemberView[]>> List(ClaimsPrincipal user, OccupancyDbContext db) =>
        TypedResults.Ok((await db.Members.AsNoTracking().VisibleTo(user).OrderBy(m => m.Name).ToListAsync()).Select(View).ToArray());

    public static async Task<Results<Ok<MemberView>, ProblemHttpResult>> Get(Guid memberId, ClaimsPrincipal user, OccupancyDbContext db) =>
        await db.Members.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(m => m.Id == memberId) is { } member
            ? TypedResults.Ok(View(member))
            : NotFound(memberId);

    public static async Task<Results<Created<MemberView>, ValidationProblem, ProblemHttpResult>> Create(
        MemberRequest request, ClaimsPrincipal user, OccupancyDbContext db, UserManager<OccupancyUser> users, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(request, db, null, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!user.CanManage(request.HomeSpaceId!))
        {
            return Problems.Forbidden($"You do not manage space '{request.HomeSpaceId}'.");
        }

        var member = new Member
        {
            Id = Guid.NewGuid(),
            Name = request.Name!.Trim(),
            Email = Normalize(request.Email),
            HomeSpaceId = request.HomeSpaceId!,
            CreatedAt = clock.GetUtcNow(),
        };
        if (await SetAccountAsync(member, request.Password, users) is { } accountErrors)
        {
            return accountErrors.ToProblem();
        }

        db.Members.Add(member);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"{Root}/{member.Id}", View(member));
    }

    public static async Task<Results<Ok<MemberView>, ValidationProblem, ProblemHttpResult>> Update(
        Guid memberId, MemberRequest request, ClaimsPrincipal user, OccupancyDbContext db, UserManager<OccupancyUser> users, CancellationToken cancellationToken)
    {
        var member = await db.Members.VisibleTo(user).SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null)
        {
            return NotFound(memberId);
        }

        if (!user.CanManage(member))
        {
            return Problems.Forbidden($"Only admins and hosts of space '{member.HomeSpaceId}' manage this member.");
        }

        var errors = await ValidateAsync(request, db, member, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!user.CanManage(request.HomeSpaceId!))
        {
            return Problems.Forbidden($"You do not manage space '{request.HomeSpaceId}'.");
        }

        (member.Name, member.Email, member.HomeSpaceId) = (request.Name!.Trim(), Normalize(request.Email), request.HomeSpaceId!);
        if (await SetAccountAsync(member, request.Password, users) is { } accountErrors)
        {
            return accountErrors.ToProblem();
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(View(member));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid memberId, ClaimsPrincipal user, OccupancyDbContext db, UserManager<OccupancyUser> users, CancellationToken cancellationToken)
    {
        var member = await db.Members.VisibleTo(user).SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null)
        {
            return NotFound(memberId);
        }

        if (!user.CanManage(member))
        {
            return Problems.Forbidden($"Only admins and hosts of space '{member.HomeSpaceId}' manage this member.");
        }

        var account = member.UserId is null ? null : await users.FindByIdAsync(member.UserId);
        db.Members.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        if (account is not null)
        {
            await users.DeleteAsync(account);
        }

        return TypedResults.NoContent();
    }

    private static async Task<RequestErrors> ValidateAsync(MemberRequest request, OccupancyDbContext db, Member? existing, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        errors.RequireText("name", request.Name);
        var email = Normalize(request.Email);
        if (email is not null && (!email.Contains('@') || email.Length > 256))
        {
            errors.Add("email", "Must be an email address.");
        }

        if (!string.IsNullOrEmpty(request.Password) && email is null)
        {
            errors.Add("email", "A member who signs in needs an email.");
        }

        if (!string.IsNullOrEmpty(request.Password) && email is not null && existing?.UserId is null
            && await db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), cancellationToken))
        {
            errors.Add("email", "Another account has this email.");
        }

        if (!await db.Spaces.AnyAsync(s => s.Id == request.HomeSpaceId, cancellationToken))
        {
            errors.Add("homeSpaceId", $"There is no space '{request.HomeSpaceId}'.");
        }

        return errors;
    }

    /// <summary>Creates the member's account, or updates its email and (when given) password.</summary>
    private static async Task<RequestErrors?> SetAccountAsync(Member member, string? password, UserManager<OccupancyUser> users)
    {
        var account = member.UserId is null ? null : await users.FindByIdAsync(member.UserId);
        if (account is null && string.IsNullOrEmpty(password))
        {
            return null;
        }

        IdentityResult result;
        if (account is null)
        {
            account = new OccupancyUser { Email = member.Email, UserName = member.Email, EmailConfirmed = true, DisplayName = member.Name };
            result = await users.CreateAsync(account, password!);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(account, Roles.Member);
                member.UserId = account.Id;
            }
        }
        else
        {
            (account.Email, account.UserName, account.DisplayName) = (member.Email ?? account.Email, member.Email ?? account.UserName, member.Name);
            result = await users.UpdateAsync(account);
            if (result.Succeeded && !string.IsNullOrEmpty(password))
            {
                result = await users.ResetPasswordAsync(account, await users.GeneratePasswordResetTokenAsync(account), password);
            }
        }

        if (result.Succeeded)
        {
            return null;
        }

        var errors = new RequestErrors();
        foreach (var error in result.Errors)
        {
            errors.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email", error.Description);
        }

        return errors;
    }

    private static string? Normalize(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim();

    private static ProblemHttpResult NotFound(Guid memberId) => Problems.NotFound($"There is no member '{memberId}' you can see.");

    private static MemberView View(Member m) => new(m.Id, m.Name, m.Email, m.HomeSpaceId, m.UserId is not null, m.CreatedAt);
}
