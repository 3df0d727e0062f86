using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Occupancy.Server.Authentication;
using Occupancy.Server.Data;
using Occupancy.Server.Models.Admin;

namespace Occupancy.Server.Apis.Admin;

/// <summary>
/// Erasing a member (admins only): their account, name, email, headline, card UIDs, phone secrets and check-ins
/// are deleted; their passes and credentials are revoked (the passes' new versions take them off every edge's
/// replica). What stays is the member's random id on revoked, empty records, so door decisions recorded under
/// the member's pseudonym still count in aggregates but lead to no one.
/// </summary>
public static class ErasureApi
{
    public const string ErasedName = "Erased member";

    public static IEndpointRouteBuilder MapErasureApi(this IEndpointRouteBuilder app)
    {
        app.MapPost($"{MembersApi.Root}/{{memberId:guid}}/erase", Erase).WithTags("Members").RequireAuthorization(Policies.Admin);
        return app;
    }

    public static async Task<Results<Ok<MemberView>, ProblemHttpResult>> Erase(
        Guid memberId, OccupancyDbContext db, UserManager<OccupancyUser> users, TimeProvider clock, CancellationToken cancellationToken)
    {
        var member = await db.Members.Include(m => m.Credentials).SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null)
        {
            return Problems.NotFound($"There is no member '{memberId}'.");
        }

        var now = clock.GetUtcNow();
        var account = member.UserId is null ? null : await users.FindByIdAsync(member.UserId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        member.Name = ErasedName;
        (member.Email, member.Headline, member.ShowInWhosIn, member.UserId) = (null, null, false, null);
        member.ErasedAt ??= now;
        foreach (var credential in member.Credentials)
        {
            (credential.CardUid, credential.PhoneSecret, credential.Label) = (null, null, "");
            credential.RevokedAt ??= now;
        }

        var passes = await db.Passes.Where(p => p.MemberId == memberId).ToListAsync(cancellationToken);
        var version = await db.Passes.MaxAsync(p => (long?)p.Version, cancellationToken) ?? 0;
        foreach (var pass in passes)
        {
            pass.Name = "";
            pass.RevokedAt ??= now;
            pass.Version = ++version;
        }

        await db.CheckIns.Where(c => c.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (account is not null)
        {
            var deleted = await users.DeleteAsync(account);
            if (!deleted.Succeeded)
            {
                throw new InvalidOperationException($"Could not delete the account of member {memberId}: {string.Join(" ", deleted.Errors.Select(e => e.Description))}");
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new MemberView(member.Id, member.Name, member.Email, member.HomeSpaceId, false, member.CreatedAt));
    }
}
