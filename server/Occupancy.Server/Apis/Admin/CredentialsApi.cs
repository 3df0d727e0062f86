using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Occupancy.Server.Apis.Validation;
using Occupancy.Server.Authentication;
using Occupancy.Server.Data;
using Occupancy.Server.Models.Admin;

namespace Occupancy.Server.Apis.Admin;

/// <summary>
/// A member's credentials: cards (UID as the reader reports it) and phone codes (a generated secret, shown in the
/// answer that issues it). Removing a credential revokes it; the record stays for the access log.
/// </summary>
public static partial class CredentialsApi
{
    public static IEndpointRouteBuilder MapCredentialsApi(this IEndpointRouteBuilder app)
    {
        var credentials = app.MapGroup($"{MembersApi.Root}/{{memberId:guid}}/credentials").WithTags("Credentials").RequireAuthorization(Policies.Staff);
        credentials.MapGet("/", List);
        credentials.MapPost("/", Create);
        credentials.MapDelete("/{credentialId:guid}", Revoke);
        return app;
    }

    public static async Task<Results<Ok<CredentialView[]>, ProblemHttpResult>> List(Guid memberId, ClaimsPrincipal user, OccupancyDbContext db)
    {
        if (!await db.Members.VisibleTo(user).AnyAsync(m => m.Id == memberId))
        {
            return NotFound(memberId);
        }

        // Sorted here: SQLite cannot order by a DateTimeOffset column.
        var credentials = await db.Credentials.AsNoTracking().Where(c => c.MemberId == memberId).ToListAsync();
        return TypedResults.Ok(credentials.OrderBy(c => c.CreatedAt).Select(c => View(c)).ToArray());
    }

    public static async Task<Results<Created<CredentialView>, ValidationProblem, ProblemHttpResult>> Create(
        Guid memberId, CredentialRequest request, ClaimsPrincipal user, OccupancyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null)
        {
            return NotFound(memberId);
        }

        if (!user.CanManage(member))
        {
            return Problems.Forbidden($"Only admins and hosts of space '{member.HomeSpaceId}' manage this member.");
        }

        var errors = new RequestErrors();
        if (!CredentialKinds.IsValid(request.Kind))
        {
            errors.Add("kind", $"Must be '{CredentialKinds.Card}' or '{CredentialKinds.PhoneCode}'.");
        }

        if (request.Label is { Length: > RequestErrors.MaxNameLength })
        {
            errors.Add("label", $"Must be at most {RequestErrors.MaxNameLength} characters.");
        }

        var uid = request.CardUid?.Replace(":", "").Replace(" ", "").ToUpperInvariant();
        if (request.Kind == CredentialKinds.Card)
        {
            if (uid is null || !CardUid().IsMatch(uid))
            {
                errors.Add("cardUid", "Must be the card's UID in hex: 4, 7 or 10 bytes (e.g. 04A1B2C3).");
            }
            else if (await db.Credentials.AnyAsync(c => c.CardUid == uid, cancellationToken))
            {
                errors.Add("cardUid", "This card is already registered.");
            }
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var phone = request.Kind == CredentialKinds.PhoneCode;
        var credential = new MemberCredential
        {
            Id = Guid.NewGuid(),
            MemberId = memberId,
            Kind = request.Kind!,
            CardUid = phone ? null : uid,
            PhoneSecret = phone ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(20)) : null,
            Label = request.Label?.Trim() ?? "",
            CreatedAt = clock.GetUtcNow(),
        };
        db.Credentials.Add(credential);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"{MembersApi.Root}/{memberId}/credentials/{credential.Id}", View(credential, showSecret: true));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        Guid memberId, Guid credentialId, ClaimsPrincipal user, OccupancyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        var credential = member is null ? null
            : await db.Credentials.SingleOrDefaultAsync(c => c.Id == credentialId && c.MemberId == memberId, cancellationToken);
        if (member is null || credential is null)
        {
            return Problems.NotFound($"There is no credential '{credentialId}' of member '{memberId}' you can see.");
        }

        if (!user.CanManage(member))
        {
            return Problems.Forbidden($"Only admins and hosts of space '{member.HomeSpaceId}' manage this member.");
        }

        credential.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static CredentialView View(MemberCredential c, bool showSecret = false) =>
        new(c.Id, c.MemberId, c.Kind, c.CardUid, c.Label, c.CreatedAt, c.RevokedAt, showSecret ? c.PhoneSecret : null);

    private static ProblemHttpResult NotFound(Guid memberId) => Problems.NotFound($"There is no member '{memberId}' you can see.");

    [GeneratedRegex("^([0-9A-F]{8}|[0-9A-F]{14}|[0-9A-F]{20})$")]
    private static partial Regex CardUid();
}
