using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Occupancy.Server.Apis.Admin;
using Occupancy.Server.Apis.Validation;
using Occupancy.Server.Authentication;
using Occupancy.Server.Data;
using Occupancy.Server.Models;
using Occupancy.Server.Models.Admin;
using Occupancy.Server.Models.Me;
using Occupancy.Uplink;

namespace Occupancy.Server.Apis;

/// <summary>
/// The signed-in member's own data: profile, passes, the current phone codes, and a download of everything held
/// about them. Every endpoint acts on the caller's own member record only; there is no id to change.
/// </summary>
public static class MeApi
{
    public const int MaxHeadlineLength = 160;

    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Me").RequireAuthorization(Policies.SignedIn);
        me.MapGet("/", Profile);
        me.MapPut("/", UpdateProfile);
        me.MapGet("/passes", Passes);
        me.MapGet("/phone-codes", PhoneCodesNow);
        me.MapGet("/export", Export);
        return app;
    }

    public static async Task<Results<Ok<MemberProfileView>, ProblemHttpResult>> Profile(ClaimsPrincipal user, OccupancyDbContext db, CancellationToken cancellationToken) =>
        await CurrentMember.FindAsync(user, db, cancellationToken) is { } member
            ? TypedResults.Ok(await ViewAsync(member, db, cancellationToken))
            : CurrentMember.NotAMember();

    public static async Task<Results<Ok<MemberProfileView>, ValidationProblem, ProblemHttpResult>> UpdateProfile(
        ProfileRequest request, ClaimsPrincipal user, OccupancyDbContext db, CancellationToken cancellationToken)
    {
        var member = await CurrentMember.FindAsync(user, db, cancellationToken);
        if (member is null)
        {
            return CurrentMember.NotAMember();
        }

        var headline = string.IsNullOrWhiteSpace(request.Headline) ? null : request.Headline.Trim();
        if (headline is { Length: > MaxHeadlineLength })
        {
            var errors = new RequestErrors();
            errors.Add("headline", $"Must be at most {MaxHeadlineLength} characters.");
            return errors.ToProblem();
        }

        (member.ShowInWhosIn, member.Headline) = (request.ShowInWhosIn, headline);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ViewAsync(member, db, cancellationToken));
    }

    public static async Task<Results<Ok<PassView[]>, ProblemHttpResult>> Passes(ClaimsPrincipal user, OccupancyDbContext db, CancellationToken cancellationToken)
    {
        var member = await CurrentMember.FindAsync(user, db, cancellationToken);
        return member is null ? CurrentMember.NotAMember() : TypedResults.Ok(await PassesOfAsync(member, db, cancellationToken));
    }

    /// <summary>
    /// The codes of the member's phone credentials for the current and the next 30-second step, computed here.
    /// The secret stays on the server: a code is worth one step and one door, a secret copied from a browser would
    /// open doors until revoked. The cost is that the page must fetch a new code every step.
    /// </summary>
    public static async Task<Results<Ok<PhoneCodeView[]>, ProblemHttpResult>> PhoneCodesNow(
        ClaimsPrincipal user, OccupancyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var member = await CurrentMember.FindAsync(user, db, cancellationToken);
        if (member is null)
        {
            return CurrentMember.NotAMember();
        }

        var phones = await db.Credentials.AsNoTracking()
            .Where(c => c.MemberId == member.Id && c.Kind == CredentialKinds.PhoneCode && c.RevokedAt == null && c.PhoneSecret != null)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var step = PhoneCodes.StepAt(now);
        const long stepMs = PhoneCodes.StepSeconds * 1000L;
        return TypedResults.Ok(phones.OrderBy(c => c.Label, StringComparer.Ordinal).ThenBy(c => c.Id).Select(c =>
        {
            // The credential id as the edges' replica carries it (Guid "D" form), so the reader's scan splits into what the edge looks up.
            var secret = Convert.FromBase64String(c.PhoneSecret!);
            var id = c.Id.ToString();
            return new PhoneCodeView(
                c.Id, c.Label, PhoneCodes.Presented(id, secret, now), PhoneCodes.Code(secret, step), step * stepMs, (step + 1) * stepMs,
                PhoneCodes.Presented(id, secret, now + stepMs), now, PhoneCodes.StepSeconds);
        }).ToArray());
    }

    public static async Task<Results<Ok<MemberExport>, ProblemHttpResult>> Export(
        ClaimsPrincipal user, OccupancyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var member = await CurrentMember.FindAsync(user, db, cancellationToken);
        if (member is null)
        {
            return CurrentMember.NotAMember();
        }

        var credentials = await db.Credentials.AsNoTracking().Where(c => c.MemberId == member.Id).ToListAsync(cancellationToken);
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.MemberId == member.Id).ToListAsync(cancellationToken);
        var account = AccountApi.Me(user).Value;
        return TypedResults.Ok(new MemberExport(
            clock.GetUtcNow(),
            account,
            await ViewAsync(member, db, cancellationToken),
            member.CreatedAt,
            await PassesOfAsync(member, db, cancellationToken),
            [.. credentials.OrderBy(c => c.CreatedAt).Select(c => new CredentialView(c.Id, c.MemberId, c.Kind, c.CardUid, c.Label, c.CreatedAt, c.RevokedAt))],
            [.. checkIns.OrderBy(c => c.Day).ThenBy(c => c.SpaceId, StringComparer.Ordinal).Select(c => new CheckInView(c.SpaceId, LocalTimes.Format(c.Day), c.At))]));
    }

    private static async Task<PassView[]> PassesOfAsync(Member member, OccupancyDbContext db, CancellationToken cancellationToken)
    {
        var passes = await db.Passes.AsNoTracking().Include(p => p.Spaces).Include(p => p.Doors)
            .Where(p => p.MemberId == member.Id).OrderBy(p => p.Version).ToListAsync(cancellationToken);
        return [.. passes.Select(PassRules.View)];
    }

    private static async Task<MemberProfileView> ViewAsync(Member member, OccupancyDbContext db, CancellationToken cancellationToken) =>
        new(member.Id, member.Name, member.Email, member.HomeSpaceId, member.ShowInWhosIn, member.Headline,
            await CurrentMember.SpacesOfAsync(member, db, cancellationToken));
}
